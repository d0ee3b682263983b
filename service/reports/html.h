#pragma once
// What the HTML reports share: escaping, the page's head with its inline style, and number
// formats for a reader. Every page is one self-contained file: inline CSS and SVG, no
// script, nothing fetched, so that it opens the same offline.
#include <sstream>
#include <string>

namespace supervision::reports::html {

std::string escape(const std::string& s);
// A modelled figure for a reader: a whole number ("1 234" without the space).
std::string whole(double v);
// One decimal ("12.5").
std::string one_decimal(double v);
// <!DOCTYPE …> through <body>, with the shared style.
void head(std::ostringstream& o, const std::string& title);
// The footer and the end of the document.
void foot(std::ostringstream& o, const std::string& judged_by);

}  // namespace supervision::reports::html
