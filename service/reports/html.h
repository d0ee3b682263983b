#pragma once
// Text into HTML: every value a page shows goes through escape_html, so that a register's
// text (an id, a reason) can never become markup.
#include <string>

namespace supervision::reports {

// &, <, >, " and ' as character references; everything else as it is.
std::string escape_html(const std::string& text);

}  // namespace supervision::reports
