#include "audit/render.hpp"
#include "commands.hpp"
#include "config/resolve.hpp"
#include "report/reporter.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace answerlint::cli {

namespace {

// What the reports call the portfolio: the folder named (the current
// folder's own name for "."), and the revision when there is one.
std::string title_of(const AuditArgs& args) {
  namespace fs = std::filesystem;
  std::string name = args.path;
  if (name.empty() || fs::path(name).lexically_normal() == ".") {
    name = fs::current_path().filename().string();
  }
  return args.rev.empty() ? name : fmt::format("{} at {}", name, args.rev);
}

} // namespace

int run_audit(const AuditArgs& args) {
  audit::CollectOptions options;
  if (!args.path.empty()) {
    options.selection.paths.emplace_back(args.path);
  }
  if (!args.rev.empty()) {
    options.selection.source = Source::rev;
    options.selection.ref = args.rev;
  }
  options.threads = args.threads;
  options.progress = !args.quiet;
  auto config = resolve_config(args.config, options.selection.paths);
  audit::AuditResult result = audit::run_audit(*config, options, title_of(args));

  std::string out = audit::render_audit(args.format, result);
  if (!args.output.empty()) {
    write_file_atomic(args.output, out);
  } else {
    fmt::print("{}", out);
  }
  if (!args.quiet) {
    for (const std::string& notice : result.portfolio.notices) {
      fmt::print(stderr, "answerlint: {}\n", notice);
    }
  }
  for (const std::string& error : result.portfolio.errors) {
    fmt::print(stderr, "answerlint: error: {}\n", error);
  }
  return audit::audit_exit_code(result);
}

} // namespace answerlint::cli
