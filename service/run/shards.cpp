#include "run/shards.h"

#include "db/statement.h"
#include "run/evaluation.h"
#include "run/lock_watch.h"
#include "run/pipeline.h"
#include "run/session_setup.h"
#include "run/stage_log.h"

#include <spdlog/spdlog.h>
#include <pqxx/tablewriter>

#include <algorithm>
#include <exception>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace supervision::run {

namespace {

using ShardTransaction = pqxx::transaction<pqxx::isolation_level::repeatable_read>;

// What the writing stages read: each evaluation stage's findings (run/pipeline.h), copied in
// pipeline order. The shards' rows are disjoint: every key holds one person's row, and a
// person is in one shard.
std::vector<std::string> findings() {
    std::vector<std::string> tables;
    for (const auto& stage : pipeline()) {
        if (stage.phase == Phase::evaluation && *stage.findings != '\0') tables.emplace_back(stage.findings);
    }
    return tables;
}

// SET TRANSACTION SNAPSHOT takes no parameter; the id is the server's own, quoted.
const char* const kImportSnapshot = "SET TRANSACTION SNAPSHOT ";

struct ShardSession {
    RunContext ctx;
    std::unique_ptr<pqxx::connection> conn;
    std::unique_ptr<ShardTransaction> tx;
    Counts counts = Counts::object();
    std::exception_ptr error;
};

void evaluate_shard(ShardSession& s, const db::ConnectOptions& connect, const std::string& snapshot) {
    try {
        db::ConnectOptions options = connect;
        options.step = connect.step + ".shard" + std::to_string(s.ctx.shard.index);
        s.conn = db::connect(options);
        set_lock_timeout(*s.conn, s.ctx.lock_timeout_s);
        if (s.ctx.lock_watch != nullptr) s.ctx.lock_watch->watch(s.conn->backendpid());
        s.tx = std::make_unique<ShardTransaction>(*s.conn, "shard");
        s.tx->exec0(kImportSnapshot + s.tx->quote(snapshot));
        load_session(*s.tx, *s.ctx.config);
        db::exec_file(*s.tx, "run/01_registers/load.sql");
        evaluate(*s.tx, s.ctx, s.counts);
        if (s.ctx.shard.index > 0) db::exec_file(*s.tx, "run/shards/drop_shared_rejections.sql");
    } catch (...) {
        s.error = std::current_exception();
    }
}

// Row by row as COPY text, straight from one session to the other: nothing is held here.
// libpqxx 6.4's stream_to keeps its raw-line writer private, and its stream_from copy
// doubles each line's newline; the older tablewriter writes raw lines as they are.
// Returns the rows copied.
long long copy_table(pqxx::transaction_base& from_tx, pqxx::transaction_base& to_tx, const std::string& table) {
    pqxx::stream_from from(from_tx, table);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    pqxx::tablewriter to(to_tx, table);
#pragma GCC diagnostic pop
    std::string line;
    long long rows = 0;
    while (from.get_raw_line(line)) {
        if (!line.empty() && line.back() == '\n') line.pop_back();
        to.write_raw_line(line);
        ++rows;
    }
    from.complete();
    to.complete();
    return rows;
}

}  // namespace

void evaluate_in_shards(pqxx::transaction_base& run_tx, RunContext& ctx, const db::ConnectOptions& connect, int workers,
                        Counts& counts) {
    const auto snapshot = db::exec_file(run_tx, "run/shards/export_snapshot.sql")[0][0].as<std::string>();
    std::vector<ShardSession> shards(static_cast<std::size_t>(workers));
    std::vector<std::thread> threads;
    StageClock clock(counts);
    for (int i = 0; i < workers; ++i) {
        auto& s = shards[static_cast<std::size_t>(i)];
        s.ctx = ctx;
        s.ctx.shard = Shard{workers, i};
        s.ctx.mode = ctx.mode.of_shard(run_tx, s.ctx.shard);
        threads.emplace_back(evaluate_shard, std::ref(s), std::cref(connect), std::cref(snapshot));
    }
    for (auto& t : threads) t.join();
    for (auto& s : shards) {
        if (s.error) std::rethrow_exception(s.error);
    }
    // A stage takes as long as its slowest shard.
    for (const auto& s : shards) {
        for (const auto& [stage, seconds] : s.counts["stage_seconds"].items()) {
            auto& slot = counts["stage_seconds"][stage];
            slot = std::max(slot.is_number() ? slot.get<double>() : 0.0, seconds.get<double>());
        }
    }
    clock.lap("shards");

    StageLog log("transfer");
    long long rows = 0;
    for (auto& s : shards) {
        for (const auto& table : findings()) rows += copy_table(*s.tx, run_tx, table);
        s.tx->abort();  // it wrote only its temporary tables
    }
    db::exec_script(run_tx, "run/10_validate/analyze.sql");
    clock.lap("transfer");
    log.done(rows);
}

}  // namespace supervision::run
