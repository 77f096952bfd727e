// SPDX-License-Identifier: MIT
#pragma once
// Where the CLI writes: standard output, or a file replaced whole (docs/robustness.md, "Output files").
//
// A regular (or missing) FILE is written to a temporary file of a unique name in FILE's directory,
// created exclusively (mkstemp: O_CREAT | O_EXCL, so a link planted under any name is never
// followed), then renamed over FILE on success: a reader sees the old file or the new one, whole;
// of two runs writing the same FILE the last rename wins; an error, Ctrl-C or SIGTERM removes the
// temporary file. An existing character device or FIFO (/dev/null, a named pipe) is written
// directly and never replaced; a directory, a block device or a symbolic link is refused (except
// /dev/stdout, /dev/stderr and /dev/fd/N: this process's own descriptors, written through a
// duplicate). Every write is checked:
// a full disk or a closed pipe is an error naming the file ("standard output" for stdout).

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include <runwise/core/error.hpp>

namespace runwise_cli {

namespace output_detail {

/// Temporary files to remove if a signal ends the process: fixed storage, so the handler only
/// reads memory and calls unlink (both async-signal-safe).
inline constexpr int max_temps = 8;
inline char temp_paths[max_temps][4096];
inline volatile std::sig_atomic_t temp_in_use[max_temps];

inline void remove_temps_and_reraise(int sig) {
  for (int i = 0; i < max_temps; ++i)
    if (temp_in_use[i]) ::unlink(temp_paths[i]);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

/// Installs the handler once for the signals that end a run from outside.
inline void install_signal_cleanup() {
  static const bool installed = [] {
    struct sigaction a {};
    a.sa_handler = remove_temps_and_reraise;
    sigemptyset(&a.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ}) sigaction(sig, &a, nullptr);
    return true;
  }();
  (void)installed;
}

/// A slot holding `path` for the handler, or -1 when all are taken (the file is then still
/// removed on every error path, only not on a signal).
inline int remember(const std::string& path) {
  if (path.size() >= sizeof temp_paths[0]) return -1;
  for (int i = 0; i < max_temps; ++i)
    if (!temp_in_use[i]) {
      std::memcpy(temp_paths[i], path.c_str(), path.size() + 1);
      temp_in_use[i] = 1;
      return i;
    }
  return -1;
}

inline std::string reason(int err) { return std::strerror(err); }

/// The descriptor a name means when it is one of this process's own (/dev/stdout, /dev/stderr,
/// /dev/fd/N, /proc/self/fd/N), else -1. Those are written through a duplicate of the descriptor,
/// so `>> log` keeps appending.
inline int own_descriptor(std::string_view path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {std::string_view("/dev/fd/"), std::string_view("/proc/self/fd/")})
    if (path.starts_with(prefix) && path.size() > prefix.size() && path.size() - prefix.size() < 9) {
      int n = 0;
      for (char c : path.substr(prefix.size())) {
        if (c < '0' || c > '9') return -1;
        n = 10 * n + (c - '0');
      }
      return n;
    }
  return -1;
}

}  // namespace output_detail

/// Standard output, or FILE written as the header comment says. Open it before the work that fills
/// it, so an unwritable place fails at once; `commit()` when the content is complete. Destroyed
/// without `commit()`, it leaves FILE as it was and removes its temporary file.
///
/// ```cpp
/// runwise_cli::output_file out("report.json");   // "" or "-": standard output
/// out.write(text);
/// out.commit();                                  // renamed over report.json, or an error naming it
/// ```
class output_file {
 public:
  output_file() = default;

  explicit output_file(std::string path) : path_(std::move(path)) {
    if (path_.empty() || path_ == "-") {
      path_.clear();
      return;
    }
    if (const int own = output_detail::own_descriptor(path_); own >= 0) {
      fd_ = ::fcntl(own, F_DUPFD_CLOEXEC, 3);
      if (fd_ < 0) {
        fd_ = 1;
        fail_io(errno);
      }
      return;
    }
    struct stat st {};
    const bool exists = ::lstat(path_.c_str(), &st) == 0;
    if (!exists && errno != ENOENT) fail_io(errno);
    if (exists && S_ISDIR(st.st_mode)) refuse("is a directory");
    if (exists && S_ISLNK(st.st_mode))
      refuse("is a symbolic link: runwise neither writes through a link nor replaces one (give the path it points to)");
    if (exists && S_ISBLK(st.st_mode)) refuse("is a block device");
    if (exists && !S_ISREG(st.st_mode)) {
      open_direct();
      return;
    }
    open_temporary(exists ? st.st_mode & 07777 : new_file_mode());
  }

  output_file(const output_file&) = delete;
  output_file& operator=(const output_file&) = delete;
  output_file(output_file&& o) noexcept { *this = std::move(o); }
  output_file& operator=(output_file&& o) noexcept {
    if (this != &o) {
      discard();
      path_ = std::move(o.path_);
      temp_ = std::move(o.temp_);
      buffer_ = std::move(o.buffer_);
      fd_ = std::exchange(o.fd_, 1);
      slot_ = std::exchange(o.slot_, -1);
      o.temp_.clear();
      o.path_.clear();
    }
    return *this;
  }
  ~output_file() { discard(); }

  /// What error messages call it: the path, or "standard output".
  [[nodiscard]] std::string name() const { return path_.empty() ? "standard output" : path_; }

  /// The temporary file being written ("" for standard output and direct writes).
  [[nodiscard]] const std::string& temporary() const noexcept { return temp_; }

  void write(std::string_view s) {
    buffer_.append(s);
    if (buffer_.size() >= 1 << 16) flush();
  }

  /// Writes what is buffered and, for FILE, closes and renames the temporary file over it.
  void commit() {
    flush();
    if (temp_.empty()) {
      if (fd_ > 2 && ::close(std::exchange(fd_, 1)) != 0) fail_io(errno);
      return;
    }
    if (::close(std::exchange(fd_, 1)) != 0) fail_io(errno);
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) fail_io(errno);
    forget_temp();
  }

 private:
  std::string path_, temp_, buffer_;
  int fd_ = 1;
  int slot_ = -1;

  static mode_t new_file_mode() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
  }

  [[noreturn]] void refuse(const std::string& why) const { throw runwise::error(runwise::errc::invalid_input, path_, why); }

  [[noreturn]] void fail_io(int err) {
    const std::string where = name();
    discard();
    throw runwise::error(runwise::errc::io, where, "cannot be written (" + output_detail::reason(err) + ")");
  }

  /// An existing character device or FIFO: opened as it is, without following a link.
  void open_direct() {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
    if (fd_ < 0) {
      fd_ = 1;
      fail_io(errno);
    }
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {
      // Replaced by a regular file since lstat: write it the safe way instead.
      ::close(std::exchange(fd_, 1));
      open_temporary(st.st_mode & 07777);
    }
  }

  void open_temporary(mode_t mode) {
    const auto slash = path_.rfind('/');
    const std::string dir = slash == std::string::npos ? std::string() : path_.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path_ : path_.substr(slash + 1);
    std::string pattern = dir + "." + base + ".runwise-XXXXXX";
    output_detail::install_signal_cleanup();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) fail_io(errno);
    fd_ = fd;
    temp_ = std::move(pattern);
    slot_ = output_detail::remember(temp_);
    (void)::fchmod(fd_, mode);  // mkstemp's 0600 becomes the mode FILE has or a new file gets
  }

  void flush() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
      const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail_io(n < 0 ? errno : EIO);
      done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

  void forget_temp() noexcept {
    if (slot_ >= 0) output_detail::temp_in_use[slot_] = 0;
    slot_ = -1;
    temp_.clear();
  }

  /// Drops the content: closes what was opened and removes the temporary file.
  void discard() noexcept {
    buffer_.clear();
    if (fd_ > 2) ::close(fd_);
    fd_ = 1;
    if (!temp_.empty()) ::unlink(temp_.c_str());
    forget_temp();
  }
};

}  // namespace runwise_cli
