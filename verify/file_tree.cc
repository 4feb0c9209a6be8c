#include "verify/file_tree.h"

#include <cerrno>
#include <fstream>
#include <sstream>

#include <dirent.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace migc {

namespace {

std::error_code last_error() { return {errno, std::system_category()}; }

// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::error_code copy_contents(int in, int out, off_t size) {
  if (::ioctl(out, FICLONE, in) == 0) return {};
  off_t done = 0;
  while (done < size) {
    ssize_t n = ::copy_file_range(in, nullptr, out, nullptr, static_cast<size_t>(size - done), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // not supported here (or EOF): fall back to read/write for the rest
    done += n;
  }
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return last_error();
    if (n == 0) return {};
    for (ssize_t w = 0; w < n;) {
      ssize_t m = ::write(out, buffer + w, static_cast<size_t>(n - w));
      if (m < 0 && errno == EINTR) continue;
      if (m < 0) return last_error();
      w += m;
    }
  }
}

std::error_code give(int fd, const std::optional<ServerUser>& owner) {
  if (owner && ::fchown(fd, owner->uid, owner->gid) != 0) return last_error();
  return {};
}

std::error_code copy_dir(int from_dir, int to_dir, const std::optional<ServerUser>& owner) {
  Fd scan{::dup(from_dir)};
  DIR* dir = scan.fd >= 0 ? ::fdopendir(scan.fd) : nullptr;
  if (!dir) return last_error();
  scan.fd = -1;  // owned by `dir` now
  std::error_code ec;
  while (dirent* e = ::readdir(dir)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    struct stat st;
    if (::fstatat(from_dir, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      ec = last_error();
      break;
    }
    if (S_ISDIR(st.st_mode)) {
      if (::mkdirat(to_dir, e->d_name, st.st_mode & 07777) != 0) {
        ec = last_error();
        break;
      }
      Fd src{::openat(from_dir, e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
      Fd dst{::openat(to_dir, e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
      if (src.fd < 0 || dst.fd < 0) ec = last_error();
      if (!ec) ec = give(dst.fd, owner);
      if (!ec) ec = copy_dir(src.fd, dst.fd, owner);
    } else if (S_ISREG(st.st_mode)) {
      Fd src{::openat(from_dir, e->d_name, O_RDONLY | O_CLOEXEC)};
      Fd dst{::openat(to_dir, e->d_name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 07777)};
      if (src.fd < 0 || dst.fd < 0) ec = last_error();
      if (!ec) ec = give(dst.fd, owner);
      if (!ec) ec = copy_contents(src.fd, dst.fd, st.st_size);
    }  // a data directory made by initdb holds nothing else
    if (ec) break;
  }
  ::closedir(dir);
  return ec;
}

}  // namespace

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::error_code copy_tree(const fs::path& from, const fs::path& to, const std::optional<ServerUser>& owner) {
  Fd src{::open(from.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (src.fd < 0) return last_error();
  struct stat st;
  if (::fstat(src.fd, &st) != 0) return last_error();
  if (::mkdir(to.c_str(), st.st_mode & 07777) != 0) return last_error();
  Fd dst{::open(to.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  std::error_code ec = dst.fd < 0 ? last_error() : give(dst.fd, owner);
  if (!ec) ec = copy_dir(src.fd, dst.fd, owner);
  if (ec) {
    std::error_code ignored;
    fs::remove_all(to, ignored);
  }
  return ec;
}

}  // namespace migc
