// answerlint: the command line. Wiring only; the work lives in src/.
#include "audit/render.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "report/render.hpp"
#include "report/reporter.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace {

void add_check(CLI::App& app, answerlint::cli::CheckArgs& args) {
  auto* check = app.add_subcommand("check", "Lint answers in files and folders (default: .)");
  check->add_option("paths", args.paths, "Files and folders to lint");
  check->add_option("--config", args.config, "Config file (default: answerlint.toml found upward)");
  check->add_option("--format", args.format, "Output format")
      ->check(CLI::IsMember(std::vector<std::string>(answerlint::k_formats.begin(),
                                                      answerlint::k_formats.end())));
  check->add_option("--output", args.output, "Write the report to FILE (atomically)");
  check->add_option("--color", args.color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_option("--max-warnings", args.max_warnings, "Exit 1 when warnings exceed N")
      ->check(CLI::NonNegativeNumber);
  check->add_option("-j,--jobs", args.threads, "Threads (default: every core)")
      ->check(CLI::PositiveNumber);
  check->add_flag("-q,--quiet", args.quiet, "Print findings only: no summary, no notices");
  check->add_flag("--no-cache", args.no_cache, "Neither read nor write the results cache");
  auto* staged =
      check->add_flag("--staged", args.staged, "Lint the staged (index) content of staged answers");
  auto* since = check->add_option("--since", args.since,
                                  "Lint answers changed since merge-base(REF, HEAD), uncommitted too");
  auto* rev = check->add_option("--rev", args.rev,
                                "Lint the tree of REV from the object database (no checkout)");
  staged->excludes(since, rev);
  since->excludes(rev);
  check->add_option("--baseline", args.baseline, "Hide the findings recorded in FILE");
  check->add_option("--write-baseline", args.write_baseline, "Record the findings in FILE");
}

void add_audit(CLI::App& app, answerlint::cli::AuditArgs& args) {
  auto* audit = app.add_subcommand(
      "audit", "Audit the whole portfolio: every rule, coverage, story reuse, scores");
  audit->add_option("path", args.path, "Portfolio folder (default: .)");
  audit->add_option("--rev", args.rev, "Audit the tree of REV from the object database");
  audit->add_option("--config", args.config, "Config file (default: answerlint.toml found upward)");
  audit->add_option("--format", args.format, "Output format: text, json or html")
      ->check(CLI::IsMember(std::vector<std::string>(answerlint::audit::k_audit_formats.begin(),
                                                     answerlint::audit::k_audit_formats.end())));
  audit->add_option("--output", args.output, "Write the report to FILE (atomically)");
  audit->add_option("-j,--jobs", args.threads, "Threads (default: every core)")
      ->check(CLI::PositiveNumber);
  audit->add_flag("-q,--quiet", args.quiet, "No progress bar, no notices");
}

void add_new(CLI::App& app, std::string& kind, std::string& question) {
  auto* scaffold = app.add_subcommand("new", "Start an answer from the kind's template");
  scaffold->add_option("kind", kind, "behavioral, technical, system-design, project, question")
      ->required();
  scaffold->add_option("question", question, "The question, or a question-bank id")->required();
}

void add_hook(CLI::App& app, bool& install, bool& chain) {
  auto* hook = app.add_subcommand("hook", "Install or remove the git pre-commit hook");
  hook->require_subcommand(1);
  auto* add = hook->add_subcommand("install", "Write the pre-commit hook (runs check --staged)");
  add->add_flag("--chain", chain, "Keep an existing pre-commit hook and run it first");
  add->callback([&install] { install = true; });
  hook->add_subcommand("uninstall", "Remove the hook and restore the one it replaced");
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"answerlint: a fast linter for interview-answer portfolios", "answerlint"};
  app.set_version_flag("--version", fmt::format("answerlint {}", answerlint::k_version));
  app.require_subcommand(1);

  answerlint::cli::CheckArgs check_args;
  add_check(app, check_args);
  std::string rules_config;
  auto* rules = app.add_subcommand("rules", "List every rule: id, severity, kinds, summary");
  rules->add_option("--config", rules_config, "Config file whose settings to show");
  bool hook_install = false;
  bool hook_chain = false;
  add_hook(app, hook_install, hook_chain);
  std::string rule_id;
  auto* explain = app.add_subcommand("explain", "Show a rule's documentation");
  bool explain_all = false;
  auto* explained = explain->add_option("rule", rule_id, "Rule id");
  explain->add_flag("--all", explain_all, "Every rule's documentation, as in docs/rules.md")
      ->excludes(explained);

  answerlint::cli::AuditArgs audit_args;
  add_audit(app, audit_args);
  app.add_subcommand("init", "Write a commented answerlint.toml for the portfolio here");
  std::string new_kind;
  std::string new_question;
  add_new(app, new_kind, new_question);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      return app.exit(e);
    }
    fmt::print(stderr, "answerlint: error: {}\nRun 'answerlint --help' for usage.\n", e.what());
    return 2;
  }

  try {
    if (app.got_subcommand("check")) {
      return answerlint::cli::run_check(check_args);
    }
    if (app.got_subcommand("hook")) {
      return answerlint::cli::run_hook(hook_install, hook_chain);
    }
    if (app.got_subcommand("audit")) {
      return answerlint::cli::run_audit(audit_args);
    }
    if (app.got_subcommand("init")) {
      return answerlint::cli::run_init();
    }
    if (app.got_subcommand("new")) {
      return answerlint::cli::run_new(new_kind, new_question);
    }
    if (app.got_subcommand("rules")) {
      return answerlint::cli::run_rules(rules_config);
    }
    if (explain_all) {
      return answerlint::cli::run_explain_all();
    }
    if (rule_id.empty()) {
      throw answerlint::Error("explain needs a rule id ('answerlint rules' lists them) or --all");
    }
    return answerlint::cli::run_explain(rule_id);
  } catch (const answerlint::Error& e) {
    fmt::print(stderr, "answerlint: error: {}\n", e.format());
    return 2;
  } catch (const std::exception& e) {
    // The system said no where we did not expect it (the current folder
    // was removed, memory ran out): still one line and exit code 2.
    fmt::print(stderr, "answerlint: error: {}\n", e.what());
    return 2;
  }
}
