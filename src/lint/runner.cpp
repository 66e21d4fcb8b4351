#include "lint/runner.hpp"

#include "error.hpp"
#include "git/object_id.hpp"
#include "lint/cache.hpp"
#include "lint/file_walk.hpp"
#include "lint/ordered_pool.hpp"
#include "lint/progress.hpp"
#include "lint/suppression.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <thread>
#include <unordered_map>

namespace answerlint {
namespace {

std::string file_kind(const Config& config, const Document& doc, std::string_view relative_path) {
  const auto& kind = doc.front_matter.kind;
  if (kind && is_known_kind(*kind)) {
    return *kind;
  }
  return config.kind_for(relative_path);
}

Finding make_finding(std::string_view path, const ActiveRule& rule, std::string_view kind,
                     Hit&& hit, SourceLine line) {
  Finding finding;
  finding.path = std::string(path);
  finding.span = hit.span;
  finding.rule = rule.id;
  finding.severity = rule.severity;
  finding.message = std::move(hit.message);
  finding.kind = std::string(kind);
  finding.source_line = std::move(line);
  return finding;
}

// A rule that throws is a bug in answerlint, not in the answer: report it
// where the answer starts and keep going.
void run_rule(const RuleContext& context, const ActiveRule& rule, std::vector<Hit>& hits) {
  try {
    rule.rule->check(context, hits);
  } catch (const std::exception& e) {
    hits.clear();
    Span where = context.doc.span(context.answer.begin, context.answer.begin);
    hits.push_back({where, fmt::format("rule '{}' failed on this answer ({}); please report it "
                                       "with the file attached",
                                       rule.id, e.what())});
  }
}

} // namespace

ParseOptions parse_options_for(const Config& config) {
  ParseOptions options;
  options.split_level = config.split_level;
  options.labels = config.labels();
  return options;
}

std::vector<Finding> lint_source(const Config& config, std::string_view relative_path,
                                 std::string_view display_path, std::string_view source) {
  return lint_source(config, parse_options_for(config), relative_path, display_path, source);
}

std::vector<Finding> lint_source(const Config& config, const ParseOptions& parse_options,
                                 std::string_view relative_path, std::string_view display_path,
                                 std::string_view source) {
  Document doc = parse_document(source, parse_options);
  std::string kind = file_kind(config, doc, relative_path);
  auto rules = config.rules_for(relative_path, kind);

  std::vector<Finding> findings;
  std::vector<Hit> hits;
  std::unordered_map<int, SourceLine> lines; // each line findings point at, stored once
  auto line_at = [&](int number) {
    auto [it, added] = lines.try_emplace(number);
    if (added) {
      it->second = std::string(doc.lines.line_text(number));
    }
    return it->second;
  };
  for (std::size_t i = 0; i < doc.answers.size(); ++i) {
    for (const ActiveRule& rule : *rules) {
      RuleContext context{doc,          doc.answers[i],      static_cast<int>(i), kind,
                          rule.options, rule.prepared.get(), config.rule_ids};
      hits.clear();
      run_rule(context, rule, hits);
      for (Hit& hit : hits) {
        if (!is_suppressed(doc, rule.id, hit.span.line)) {
          const int line = hit.span.line;
          findings.push_back(make_finding(display_path, rule, kind, std::move(hit), line_at(line)));
        }
      }
    }
  }
  std::sort(findings.begin(), findings.end(), finding_less);
  findings.shrink_to_fit(); // kept until the report is built: no slack
  return findings;
}

namespace {

struct Outcome {
  std::vector<Finding> findings;
  std::thread::id maker; // the worker that made `findings`
  std::string notice;
  std::string error;
  bool checked = false;
  bool read = false;
};

void take(Outcome& out, std::vector<Finding> findings, const WalkedFile& file) {
  for (Finding& finding : findings) {
    finding.path = file.display;
  }
  out.findings = std::move(findings);
  out.checked = true;
}

void lint_uncached(const Config& config, const ParseOptions& parse, const WalkedFile& file,
                   Outcome& out) {
  std::optional<std::string> source = read_answer(config, file, out.notice);
  if (source) {
    out.read = true;
    out.findings = lint_source(config, parse, file.relative, file.display, *source);
    out.checked = true;
  }
}

// A file on disk is found by its stat record without reading it; else it is
// read and hashed, and linted only when its blob is new.
void lint_cached(const Config& config, const ParseOptions& parse, ResultCache& cache,
                 const WalkedFile& file, Outcome& out) {
  if (!file.content && !file.blob_id.empty()) {
    // A blob from git whose bytes were left unread: the selection found its
    // record whole (ResultCache::contains), and it is decoded here, on a
    // worker, rather than there, on one thread and all at once.
    std::optional<git::ObjectId> blob = git::parse_hex(file.blob_id);
    std::optional<std::vector<Finding>> findings;
    if (blob) {
      findings = cache.find(file.relative, *blob);
    }
    if (!findings) {
      throw Error("the cached results of this blob went missing; run again with --no-cache",
                  file.display);
    }
    take(out, std::move(*findings), file);
    return;
  }
  std::optional<FileStat> stat;
  if (!file.content) {
    stat = stat_file(file.absolute);
    if (stat && stat->size <= config.max_file_bytes) {
      if (auto blob = cache.known_blob(file.absolute, *stat)) {
        if (auto findings = cache.find(file.relative, *blob)) {
          take(out, std::move(*findings), file);
          return;
        }
      }
    }
  }
  const std::int64_t read_start = now_ns();
  std::optional<std::string> source = read_answer(config, file, out.notice);
  if (!source) {
    return;
  }
  out.read = true;
  std::optional<git::ObjectId> blob = git::parse_hex(file.blob_id);
  if (!blob) {
    blob = git::blob_id(*source);
  }
  if (stat) {
    cache.remember_blob(file.absolute, *stat, *blob, read_start);
  }
  if (auto findings = cache.find(file.relative, *blob)) {
    take(out, std::move(*findings), file);
    return;
  }
  out.findings = lint_source(config, parse, file.relative, file.display, *source);
  out.checked = true;
  cache.store(file.relative, *blob, out.findings);
}

std::unique_ptr<ResultCache> open_cache(const Config& config, const RunOptions& options) {
  if (!options.use_cache) {
    return nullptr;
  }
  std::filesystem::path dir =
      options.cache_dir.empty() ? default_cache_dir(options.selection) : options.cache_dir;
  return ResultCache::open(dir, config);
}

// Findings go back to the thread that made them, to be freed there. glibc's
// malloc takes the owning arena's lock to free a chunk another thread
// allocated, and with two threads the sink freeing what the workers made
// waited on those locks more than it worked: a warm run over 10,000
// answers took 250 ms of CPU with -j2 against 100 ms with -j1. A worker
// frees its graves before each file it takes.
class Graves {
public:
  // Keeps `findings` for `maker`; the caller frees them when it is the maker.
  void bury(std::thread::id maker, std::vector<Finding>&& findings) {
    if (findings.capacity() == 0 || maker == std::this_thread::get_id()) {
      return;
    }
    std::lock_guard lock(m_mutex);
    graves_of(maker).push_back(std::move(findings));
  }

  // Frees what this thread made and the sink is done with.
  void free_mine() {
    std::vector<std::vector<Finding>> mine;
    {
      std::lock_guard lock(m_mutex);
      mine.swap(graves_of(std::this_thread::get_id()));
    }
  }

private:
  // The caller holds the mutex. A few threads: a list, not a map.
  std::vector<std::vector<Finding>>& graves_of(std::thread::id thread) {
    for (auto& [id, graves] : m_graves) {
      if (id == thread) {
        return graves;
      }
    }
    return m_graves.emplace_back(thread, std::vector<std::vector<Finding>>{}).second;
  }

  std::mutex m_mutex;
  std::vector<std::pair<std::thread::id, std::vector<std::vector<Finding>>>> m_graves;
};

// Hands the files' outcomes over in order. Files with the same display path
// (never seen, but nothing forbids it) are merged first, as one sorted list.
class Handover {
public:
  Handover(const std::vector<WalkedFile>& files, const FindingSink& sink, Report& report,
           Graves& graves)
      : m_files(files), m_sink(sink), m_report(report), m_graves(graves) {}

  void take(std::size_t index, Outcome& out) {
    m_report.files_checked += out.checked ? 1 : 0;
    m_report.files_read += out.read ? 1 : 0;
    if (!out.notice.empty()) {
      m_report.notices.push_back(std::move(out.notice));
    }
    if (!out.error.empty()) {
      m_report.errors.push_back(std::move(out.error));
    }
    if (m_pending.empty()) {
      m_pending = std::move(out.findings);
      m_maker = out.maker;
    } else {
      std::move(out.findings.begin(), out.findings.end(), std::back_inserter(m_pending));
    }
    out = Outcome{}; // the slot is reused for a file `window` places on
    const std::string& path = m_files[index].display;
    if (index + 1 < m_files.size() && m_files[index + 1].display == path) {
      return;
    }
    // Each file's findings come sorted: checked in linear time, not assumed.
    if (!std::is_sorted(m_pending.begin(), m_pending.end(), finding_less)) {
      std::stable_sort(m_pending.begin(), m_pending.end(), finding_less);
    }
    std::vector<Finding> findings = std::move(m_pending);
    m_pending = {};
    m_sink(path, std::move(findings));
    // What the sink did not keep goes back to its maker.
    m_graves.bury(m_maker, std::move(findings));
  }

private:
  const std::vector<WalkedFile>& m_files;
  const FindingSink& m_sink;
  Report& m_report;
  Graves& m_graves;
  std::vector<Finding> m_pending;
  std::thread::id m_maker; // of m_pending's first file
};

} // namespace

Report run_check(const Config& config, const RunOptions& options, const FindingSink& sink) {
  std::unique_ptr<ResultCache> cache = open_cache(config, options);
  Selection selection = options.selection;
  if (cache) {
    selection.needs_content = [&](std::string_view relative, std::string_view blob_id) {
      std::optional<git::ObjectId> blob = git::parse_hex(blob_id);
      return !(blob && cache->contains(relative, *blob));
    };
  }
  std::vector<WalkedFile> files = select_answers(config, selection);
  unsigned threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<unsigned>(threads, 1,
                                 static_cast<unsigned>(std::max<std::size_t>(files.size(), 1)));
  const std::size_t window =
      std::clamp<std::size_t>(options.window, 1, std::max<std::size_t>(files.size(), 1));

  const ParseOptions parse = parse_options_for(config);
  // A ring of outcomes: file i lives in slot i % window from its start until
  // it is handed over, and run_ordered never lets files further apart run.
  std::vector<Outcome> slots(window);
  ProgressBar bar(files.size(), options.progress && progress_wanted(false, files.size()));
  Graves graves;
  auto work = [&](std::size_t i) {
    graves.free_mine();
    Outcome& out = slots[i % window];
    out.maker = std::this_thread::get_id();
    try {
      if (cache) {
        lint_cached(config, parse, *cache, files[i], out);
      } else {
        lint_uncached(config, parse, files[i], out);
      }
    } catch (const Error& e) {
      out.error = e.format();
    } catch (const std::exception& e) {
      // Out of memory, a file system failure: this file's error, exit 2,
      // never an abort from a worker thread.
      out.error = fmt::format("{}: {}", files[i].display, e.what());
    }
    bar.tick();
  };
  if (cache) {
    attach_word_store(cache->word_store());
  }
  Report report;
  Handover handover(files, sink, report, graves);
  run_ordered(files.size(), {threads, window}, work,
              [&](std::size_t i) { handover.take(i, slots[i % window]); });
  bar.finish();
  if (cache) {
    detach_word_store();
    cache->save();
  }
  return report;
}

Report run_check(const Config& config, const RunOptions& options) {
  std::vector<std::vector<Finding>> per_file;
  Report report =
      run_check(config, options, [&](std::string_view, std::vector<Finding>&& findings) {
        if (!findings.empty()) {
          per_file.push_back(std::move(findings));
        }
      });
#if defined(__GLIBC__)
  // What the workers freed (documents, file bytes, the cache) sits in their
  // malloc arenas, where the report's one large block cannot use it: give it
  // back first, so that a large run peaks lower.
  malloc_trim(0);
#endif
  std::size_t total = 0;
  for (const std::vector<Finding>& findings : per_file) {
    total += findings.size();
  }
  report.findings.reserve(total);
  for (std::vector<Finding>& findings : per_file) {
    std::move(findings.begin(), findings.end(), std::back_inserter(report.findings));
    std::vector<Finding>().swap(findings); // free as we go: reports can be large
  }
  return report;
}

} // namespace answerlint
