// Recovery files across sessions (lp/edit/recovery.hpp) and the unsaved-changes flag.
#include <lp/edit/plan_editor.hpp>
#include <lp/edit/recovery.hpp>
#include <lp/edit/recovery_autosave.hpp>

#include "../grid_graph.hpp"
#include "../scratch_folder.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

// A fresh folder per test case, removed at the end.
struct TempFolder {
    fs::path path;
    explicit TempFolder(const std::string& name) : path(lp::test::scratch_folder("recovery_" + name)) {}
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string operator/(const std::string& file) const { return (path / file).string(); }
};

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Makes `path` look written `seconds` after `reference` (negative: before).
void touch_relative(const std::string& path, const std::string& reference, int seconds) {
    fs::last_write_time(path, fs::last_write_time(reference) + std::chrono::seconds(seconds));
}

// A plan file and a recovery file written ten seconds after it: what a crash leaves.
struct Crashed {
    TempFolder folder;
    std::string plan, recovery;
    explicit Crashed(const std::string& name) : folder(name), plan(folder / "glasgow.plan.json"),
                                                recovery(folder / "glasgow.plan.json.recovery.json") {
        write(plan, "saved plan");
        write(recovery, "edited plan");
        touch_relative(recovery, plan, 10);
    }
};

std::vector<std::string> files_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("recovery: a recovery file newer than its plan is found, an older one is not", "[edit][recovery]") {
    Crashed crashed("newer");
    CHECK(lp::recovery_path_for(crashed.plan, "/elsewhere") == crashed.recovery);
    CHECK(lp::recovery_is_newer(crashed.recovery, crashed.plan));
    lp::PlanRecovery recovery(crashed.plan, crashed.folder.path.string());
    CHECK(recovery.pending());
    CHECK(recovery.found() == crashed.recovery);

    // Saved after the recovery was written (e.g. the plan file was replaced): stale.
    touch_relative(crashed.recovery, crashed.plan, -10);
    CHECK_FALSE(lp::recovery_is_newer(crashed.recovery, crashed.plan));
    CHECK_FALSE(lp::PlanRecovery(crashed.plan, crashed.folder.path.string()).pending());

    // No recovery file at all.
    fs::remove(crashed.recovery);
    CHECK_FALSE(lp::PlanRecovery(crashed.plan, crashed.folder.path.string()).pending());

    // An untitled plan's recovery file lives in the given folder; with no plan file to
    // compare with, any is worth asking about.
    const std::string untitled = crashed.folder / "untitled-plan.recovery.json";
    CHECK(lp::recovery_path_for("", crashed.folder.path.string()) == untitled);
    CHECK_FALSE(lp::PlanRecovery("", crashed.folder.path.string()).pending());
    write(untitled, "untitled work");
    CHECK(lp::PlanRecovery("", crashed.folder.path.string()).pending());
}

TEST_CASE("recovery: while undecided the autosave writes beside the found file, never over it", "[edit][recovery]") {
    Crashed crashed("undecided");
    lp::PlanRecovery recovery(crashed.plan, crashed.folder.path.string());
    REQUIRE(recovery.pending());
    const std::string alternative = crashed.folder / "glasgow.plan.json.recovery-2.json";
    CHECK(recovery.autosave_path() == alternative);

    int serialised = 0;
    lp::RecoveryAutosave autosave(recovery.autosave_path(), [&] { return "session " + std::to_string(++serialised); },
                                  1, std::chrono::seconds(1));
    const auto start = lp::RecoveryAutosave::Clock::now();
    CHECK(autosave.poll(1, start));
    CHECK(autosave.poll(2, start + std::chrono::seconds(5)));
    CHECK(autosave.flush(3));
    CHECK(read(crashed.recovery) == "edited plan");
    CHECK(read(alternative) == "session 3");

    // A session after another crash picks the next free name, leaving both alone.
    lp::PlanRecovery again(crashed.plan, crashed.folder.path.string());
    CHECK(again.autosave_path() == crashed.folder / "glasgow.plan.json.recovery-3.json");

    // Saving while undecided removes only the session's own file.
    recovery.remove_own_files();
    CHECK_FALSE(fs::exists(alternative));
    CHECK(read(crashed.recovery) == "edited plan");

    // Once answered, the autosave goes back to the plan's recovery file.
    recovery.answer(lp::RecoveryAnswer::restore);
    CHECK_FALSE(recovery.pending());
    CHECK(recovery.autosave_path() == crashed.recovery);
    autosave.set_path(recovery.autosave_path());
    autosave.skip_to(10);                 // the restored plan is what the file holds
    CHECK_FALSE(autosave.flush(10));
    CHECK(read(crashed.recovery) == "edited plan");
    CHECK(autosave.flush(11));
    CHECK(read(crashed.recovery) == "session 4");
    // Written again on demand (after the file was removed, say), changed or not.
    fs::remove(crashed.recovery);
    CHECK(autosave.save_now(11));
    CHECK(read(crashed.recovery) == "session 5");
}

TEST_CASE("recovery: keep aside renames the file to a dated name next to the plan", "[edit][recovery]") {
    Crashed crashed("keep");
    lp::PlanRecovery recovery(crashed.plan, crashed.folder.path.string());
    REQUIRE(recovery.pending());
    write(recovery.autosave_path(), "written while the question was open");
    const std::string kept = recovery.answer(lp::RecoveryAnswer::keep_aside);
    CHECK_FALSE(recovery.pending());
    CHECK(std::regex_match(fs::path(kept).filename().string(),
                           std::regex(R"(glasgow\.plan\.json\.recovered-\d{8}-\d{6}\.json)")));
    CHECK(fs::path(kept).parent_path() == crashed.folder.path);
    CHECK(read(kept) == "edited plan");
    CHECK(read(crashed.plan) == "saved plan");
    // The session's own autosave takes the plan's recovery name.
    CHECK(read(crashed.recovery) == "written while the question was open");
    CHECK(files_in(crashed.folder.path) == std::vector<std::string>{"glasgow.plan.json", fs::path(kept).filename().string(),
                                                                    "glasgow.plan.json.recovery.json"});

    // The same second again does not overwrite the first kept file.
    std::time_t when = 1764590400; // 1 Dec 2025 12:00 UTC
    write(lp::kept_recovery_path(crashed.plan, "", when), "first");
    const std::string second = lp::kept_recovery_path(crashed.plan, "", when);
    CHECK(second.size() > 7);
    CHECK(second.substr(second.size() - 7) == "-2.json");
}

TEST_CASE("recovery: discard deletes the file, restore keeps it as the session's own", "[edit][recovery]") {
    SECTION("discard") {
        Crashed crashed("discard");
        lp::PlanRecovery recovery(crashed.plan, crashed.folder.path.string());
        REQUIRE(recovery.pending());
        CHECK(recovery.answer(lp::RecoveryAnswer::discard).empty());
        CHECK(files_in(crashed.folder.path) == std::vector<std::string>{"glasgow.plan.json"});
        CHECK(read(crashed.plan) == "saved plan");
    }
    SECTION("restore") {
        Crashed crashed("restore");
        lp::PlanRecovery recovery(crashed.plan, crashed.folder.path.string());
        write(recovery.autosave_path(), "the unedited plan, autosaved while asking");
        CHECK(recovery.answer(lp::RecoveryAnswer::restore) == crashed.recovery);
        CHECK(files_in(crashed.folder.path) ==
              std::vector<std::string>{"glasgow.plan.json", "glasgow.plan.json.recovery.json"});
        CHECK(read(crashed.plan) == "saved plan");
        CHECK(read(crashed.recovery) == "edited plan");
        // Saving or discarding the restored changes removes it.
        recovery.remove_own_files();
        CHECK(files_in(crashed.folder.path) == std::vector<std::string>{"glasgow.plan.json"});
    }
    SECTION("an unanswered question survives the session") {
        Crashed crashed("unanswered");
        {
            lp::PlanRecovery recovery(crashed.plan, crashed.folder.path.string());
            recovery.remove_own_files();
        }
        CHECK(read(crashed.recovery) == "edited plan");
        CHECK(lp::PlanRecovery(crashed.plan, crashed.folder.path.string()).pending());
    }
}

TEST_CASE("recovery: the unsaved flag follows saves, and undo back to the saved state", "[edit][recovery]") {
    const auto graph = lp::test::grid_graph(2, 2, 1.0);
    lp::BalanceLayer layer;
    layer.name = "population";
    layer.values = {1, 1, 1, 1};
    lp::PlanEditor editor(graph, {layer});
    lp::SaveState saved;
    saved.mark_saved(editor.state_id());
    CHECK_FALSE(saved.dirty(editor.state_id()));

    REQUIRE(editor.execute(std::make_unique<lp::AddLocality>(lp::Locality{"A", "A", "#e69f00", false})).applied);
    CHECK(saved.dirty(editor.state_id()));
    REQUIRE(editor.paint({0, 1, 2, 3}, 0).applied);
    saved.mark_saved(editor.state_id()); // saved here
    CHECK_FALSE(saved.dirty(editor.state_id()));

    REQUIRE(editor.undo());
    CHECK(saved.dirty(editor.state_id()));
    REQUIRE(editor.redo());
    CHECK_FALSE(saved.dirty(editor.state_id()));   // back to what the file holds

    // A refused or empty edit changes nothing.
    CHECK_FALSE(editor.paint({0}, 0).applied);
    CHECK_FALSE(saved.dirty(editor.state_id()));

    // An edit after an undo is a new state even at the same depth.
    REQUIRE(editor.undo());
    REQUIRE(editor.paint({0, 1}, 0).applied);
    CHECK(saved.dirty(editor.state_id()));
    REQUIRE(editor.undo());
    REQUIRE(editor.redo());
    CHECK(saved.dirty(editor.state_id()));

    // A brush stroke is unsaved while it runs and after it ends; undoing it is saved
    // again only if the stroke started from the saved state.
    saved.mark_saved(editor.state_id());
    editor.begin_stroke("stroke");
    REQUIRE(editor.paint({3}, 0).applied);
    CHECK(saved.dirty(editor.state_id()));
    editor.end_stroke();
    CHECK(saved.dirty(editor.state_id()));
    REQUIRE(editor.undo());
    CHECK_FALSE(saved.dirty(editor.state_id()));

    // A restored plan is unsaved whatever its editor's history.
    saved.mark_unsaved();
    CHECK(saved.dirty(editor.state_id()));
    CHECK(saved.dirty(0));
}
