#pragma once
// Replacing a file whole, safely: a reader sees the old file or the new one, never half of
// one, and no name another user could plant a symbolic link at is ever opened.
#include <stdexcept>
#include <string>

namespace supervision::io {

// Why replace_file failed: what() is "<path>: cannot be written (<step>: <reason>)".
class WriteFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Writes `text` to `path`:
// - to a temporary file that mkstemp makes in the folder of `path` (a fresh random name,
//   created with O_EXCL, so a symbolic link planted at any name is never followed; the same
//   folder, so that the rename is atomic). Its name is ".<name>.XXXXXX": hidden, and
//   without the suffix of `path` (a collector reading *.prom does not read it half-written);
// - written whole and fsync'ed, then renamed over `path`.
// A regular file it replaces keeps its permission bits (rwx of owner, group and others); a
// new file gets 0666 less the umask, as a plain create gives. When `path` is a symbolic
// link, the link itself is replaced by the new file, as `mv` does, and what it pointed to
// is left as it was. On any failure the temporary file is removed and WriteFailure thrown.
void replace_file(const std::string& path, const std::string& text);

}  // namespace supervision::io
