#include <lp/plan/plan_file.hpp>

#include <lp/core/error.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/io/text_file.hpp>
#include <lp/plan/function_catalogue.hpp>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>
#include <type_traits>
#include <unordered_set>
#include <algorithm>
#include <cmath>

namespace lp {

namespace {

using Json = nlohmann::ordered_json;

// Reads one JSON document into a plan, keeping the JSON pointer of whatever it is
// looking at so every complaint names its place.
class PlanReader {
public:
    explicit PlanReader(std::string source) : source_(std::move(source)) {}

    LocalityPlan read(const Json& root) {
        expect_object(root, "");
        LocalityPlan plan;
        if (!root.contains("schema_version")) fail("", "no \"schema_version\" member; is this a locality plan?");
        const Json& version = root["schema_version"];
        if (!version.is_number_integer()) fail("/schema_version", "expected an integer, found " + describe(version));
        plan.schema_version = version.get<int>();
        if (plan.schema_version < 1 || plan.schema_version > plan_schema_version)
            fail("/schema_version", "schema version " + std::to_string(plan.schema_version) +
                                        " is not one this build reads (1.." + std::to_string(plan_schema_version) +
                                        "); a newer Locality Planner wrote it");
        only_members(root, "", {"schema_version", "partnership", "sources", "balance", "partitioner", "localities",
                                "assignment", "locked_zones", "crossings", "arrangements", "notes"});

        if (root.contains("partnership")) {
            const Json& p = root["partnership"];
            expect_object(p, "/partnership");
            only_members(p, "/partnership", {"code", "name"});
            plan.partnership_code = optional_string(p, "/partnership", "code");
            plan.partnership_name = optional_string(p, "/partnership", "name");
        }
        if (root.contains("sources")) {
            const Json& s = root["sources"];
            expect_object(s, "/sources");
            for (auto it = s.begin(); it != s.end(); ++it)
                plan.sources[it.key()] = string_at(it.value(), "/sources/" + escape(it.key()));
        }
        if (root.contains("balance")) read_balance(root["balance"], plan);
        if (root.contains("partitioner")) plan.partitioner = read_partitioner(root["partitioner"]);
        if (!root.contains("localities")) fail("", "no \"localities\" member");
        read_localities(root["localities"], plan);
        if (root.contains("assignment")) {
            const Json& a = root["assignment"];
            expect_object(a, "/assignment");
            // A million members: no path text unless one is wrong, and the map filled
            // with a hint (a plan file lists its zones in order).
            for (auto it = a.begin(); it != a.end(); ++it) {
                if (!it.value().is_string()) string_at(it.value(), "/assignment/" + escape(it.key()));
                plan.assignment.emplace_hint(plan.assignment.end(), it.key(), it.value().get_ref<const std::string&>());
            }
        }
        if (root.contains("locked_zones")) {
            const Json& l = root["locked_zones"];
            expect_array(l, "/locked_zones");
            for (std::size_t i = 0; i < l.size(); ++i)
                plan.locked_zones.push_back(string_at(l[i], "/locked_zones/" + std::to_string(i)));
        }
        if (root.contains("crossings")) read_crossings(root["crossings"], plan);
        if (root.contains("arrangements")) read_arrangements(root["arrangements"], plan);
        plan.notes = optional_string(root, "", "notes");
        return plan;
    }

private:
    std::string source_;

    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        throw Error(ErrorKind::bad_plan, source_ + ": " + (path.empty() ? "/" : path) + ": " + what);
    }

    static std::string escape(const std::string& key) {
        // JSON pointer escaping: ~ as ~0, / as ~1.
        std::string out;
        for (char c : key) {
            if (c == '~') out += "~0";
            else if (c == '/') out += "~1";
            else out += c;
        }
        return out;
    }

    static std::string describe(const Json& j) {
        switch (j.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::string: return "the string \"" + j.get<std::string>() + "\"";
        case Json::value_t::array: return "an array";
        case Json::value_t::object: return "an object";
        default: return "a number";
        }
    }

    // A JSON pointer, or a function making one: built only for a complaint, since a
    // plan holds a member per zone and an arrangement per function and locality.
    template <class Path>
    static std::string pointer(const Path& path) {
        if constexpr (std::is_invocable_v<const Path&>) return path();
        else return std::string(path);
    }

    template <class Path>
    void expect_object(const Json& j, const Path& path) const {
        if (!j.is_object()) fail(pointer(path), "expected an object, found " + describe(j));
    }
    template <class Path>
    void expect_array(const Json& j, const Path& path) const {
        if (!j.is_array()) fail(pointer(path), "expected an array, found " + describe(j));
    }
    template <class Path>
    std::string string_at(const Json& j, const Path& path) const {
        if (!j.is_string()) fail(pointer(path), "expected a string, found " + describe(j));
        return j.get<std::string>();
    }
    template <class Path>
    std::string optional_string(const Json& object, const Path& path, const char* key) const {
        if (!object.contains(key)) return {};
        return string_at(object[key], [&] { return pointer(path) + "/" + key; });
    }
    template <class Path>
    void only_members(const Json& object, const Path& path, std::initializer_list<const char*> allowed) const {
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool known = false;
            for (const char* a : allowed) known = known || it.key() == a;
            if (!known) {
                std::string list;
                for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                fail(pointer(path) + "/" + escape(it.key()), "unknown member (expected one of: " + list + ")");
            }
        }
    }

    void read_localities(const Json& list, LocalityPlan& plan) const {
        expect_array(list, "/localities");
        static const std::regex colour_pattern("#[0-9a-fA-F]{6}");
        std::set<std::string> ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = "/localities/" + std::to_string(i);
            const Json& l = list[i];
            expect_object(l, path);
            only_members(l, path, {"id", "name", "colour", "locked", "hub"});
            Locality locality;
            if (!l.contains("id")) fail(path, "a locality needs an \"id\"");
            locality.id = string_at(l["id"], path + "/id");
            if (locality.id.empty()) fail(path + "/id", "empty locality id");
            if (!ids.insert(locality.id).second) fail(path + "/id", "locality id \"" + locality.id + "\" is used twice");
            locality.name = optional_string(l, path, "name");
            locality.colour = optional_string(l, path, "colour");
            if (!locality.colour.empty() && !std::regex_match(locality.colour, colour_pattern))
                fail(path + "/colour", "expected \"#rrggbb\", found \"" + locality.colour + "\"");
            if (l.contains("locked")) {
                if (!l["locked"].is_boolean()) fail(path + "/locked", "expected true or false, found " + describe(l["locked"]));
                locality.locked = l["locked"].get<bool>();
            }
            if (l.contains("hub")) {
                const Json& h = l["hub"];
                expect_object(h, path + "/hub");
                only_members(h, path + "/hub", {"zone", "place"});
                if (!h.contains("zone")) fail(path + "/hub", "a hub needs the \"zone\" it is in");
                locality.hub_zone = string_at(h["zone"], path + "/hub/zone");
                if (locality.hub_zone.empty()) fail(path + "/hub/zone", "empty zone id");
                locality.hub_place = optional_string(h, path + "/hub", "place");
            }
            plan.localities.push_back(std::move(locality));
        }
    }

    void read_balance(const Json& list, LocalityPlan& plan) const {
        expect_array(list, "/balance");
        std::set<std::string> columns;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = "/balance/" + std::to_string(i);
            const Json& b = list[i];
            expect_object(b, path);
            only_members(b, path, {"column", "tolerance", "soft"});
            BalanceRule rule;
            if (!b.contains("column") || !b.contains("tolerance"))
                fail(path, "a balance rule needs a \"column\" and a \"tolerance\"");
            rule.column = string_at(b["column"], path + "/column");
            if (rule.column.empty()) fail(path + "/column", "empty column name");
            if (!columns.insert(rule.column).second)
                fail(path + "/column", "column \"" + rule.column + "\" is balanced twice");
            const Json& t = b["tolerance"];
            if (!t.is_number()) fail(path + "/tolerance", "expected a number, found " + describe(t));
            rule.tolerance = t.get<double>();
            if (!std::isfinite(rule.tolerance) || rule.tolerance < 0)
                fail(path + "/tolerance", "expected a fraction >= 0 (0.1 is 10 %), found " + t.dump());
            if (b.contains("soft")) {
                if (!b["soft"].is_boolean()) fail(path + "/soft", "expected true or false, found " + describe(b["soft"]));
                rule.soft = b["soft"].get<bool>();
            }
            plan.balance.push_back(std::move(rule));
        }
    }

    // A number as it was written, anything else as describe() says.
    static std::string shown(const Json& v) { return v.is_number() ? v.dump() : describe(v); }

    PartitionerRules read_partitioner(const Json& p) const {
        const std::string path = "/partitioner";
        expect_object(p, path);
        only_members(p, path, {"cut_cost", "population", "split_settlements", "keep_whole", "split_cost", "blocks",
                               "block_split_cost", "seed", "effort"});
        PartitionerRules rules;
        const auto one_of = [&](const char* key, std::initializer_list<const char*> words) {
            const std::string value = optional_string(p, path, key);
            if (value.empty()) return value;
            std::string list;
            std::size_t i = 0;
            for (const char* w : words) {
                if (value == w) return value;
                list += (i == 0 ? "" : ++i == words.size() ? " or " : ", ") + ("\"" + std::string(w) + "\"");
                i += i == 0;
            }
            fail(path + "/" + key, "expected " + list + ", found \"" + value + "\"");
        };
        // A price is a number 0 or more; absent is the default.
        const auto price = [&](const char* key) {
            if (!p.contains(key)) return -1.0;
            const Json& v = p[key];
            if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0)
                fail(path + "/" + key, "expected a price, a number 0 or more, found " + shown(v));
            return v.get<double>();
        };
        rules.cut_cost = one_of("cut_cost", {"people", "length"});
        rules.population = optional_string(p, path, "population");
        rules.split_settlements = one_of("split_settlements", {"never", "when-forced"});
        rules.keep_whole = optional_string(p, path, "keep_whole");
        rules.split_cost = price("split_cost");
        if (p.contains("blocks")) rules.blocks = one_of("blocks", {"soft", "hard"});
        rules.block_split_cost = price("block_split_cost");
        if (p.contains("seed")) {
            const Json& v = p["seed"];
            if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0))
                fail(path + "/seed", "expected a whole number 0 or more, found " + shown(v));
            rules.seed = v.get<std::uint64_t>();
        }
        if (p.contains("effort")) {
            const Json& v = p["effort"];
            if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() <= 0)
                fail(path + "/effort", "expected a number greater than 0, found " + shown(v));
            rules.effort = v.get<double>();
        }
        return rules;
    }

    void read_crossings(const Json& list, LocalityPlan& plan) const {
        expect_array(list, "/crossings");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = "/crossings/" + std::to_string(i);
            const Json& c = list[i];
            expect_object(c, path);
            only_members(c, path, {"zone_a", "zone_b", "note"});
            PlanCrossing crossing;
            if (!c.contains("zone_a") || !c.contains("zone_b")) fail(path, "a crossing needs \"zone_a\" and \"zone_b\"");
            crossing.zone_a = string_at(c["zone_a"], path + "/zone_a");
            crossing.zone_b = string_at(c["zone_b"], path + "/zone_b");
            crossing.note = optional_string(c, path, "note");
            plan.crossings.push_back(std::move(crossing));
        }
    }

    void read_arrangements(const Json& by_function, LocalityPlan& plan) const {
        expect_object(by_function, "/arrangements");
        for (auto f = by_function.begin(); f != by_function.end(); ++f) {
            const std::string f_path = "/arrangements/" + escape(f.key());
            expect_object(f.value(), f_path);
            auto& per_locality = plan.arrangements[f.key()];
            for (auto l = f.value().begin(); l != f.value().end(); ++l) {
                const auto path = [&] { return f_path + "/" + escape(l.key()); };
                const Json& a = l.value();
                expect_object(a, path);
                only_members(a, path, {"delivery", "hosted_by", "notes"});
                Arrangement arrangement;
                if (!a.contains("delivery")) fail(path(), "an arrangement needs a \"delivery\"");
                const std::string delivery = string_at(a["delivery"], [&] { return path() + "/delivery"; });
                auto parsed = parse_delivery(delivery);
                if (!parsed || to_string(*parsed) != delivery)
                    fail(path() + "/delivery",
                         "expected \"local\", \"hosted\", \"partnership-wide\" or \"acute\", found \"" + delivery + "\"");
                arrangement.delivery = *parsed;
                arrangement.hosted_by = optional_string(a, path, "hosted_by");
                arrangement.notes = optional_string(a, path, "notes");
                per_locality.emplace_hint(per_locality.end(), l.key(), std::move(arrangement)); // keys unique, in order
            }
        }
    }
}; // class PlanReader

// Builds the document from the parser's events. nlohmann's own builder files each
// member with ordered_json's operator[], a linear search of the object: a plan of a
// million zones took minutes. Members are appended instead, and a key given twice in
// one object is refused (the parser would keep the last silently).
class DocumentBuilder {
public:
    DocumentBuilder(Json& root, const std::string& source) : root_(root), source_(source) {}

    bool null() { return place(nullptr); }
    bool boolean(bool value) { return place(value); }
    bool number_integer(Json::number_integer_t value) { return place(value); }
    bool number_unsigned(Json::number_unsigned_t value) { return place(value); }
    bool number_float(Json::number_float_t value, const std::string&) { return place(value); }
    bool string(std::string& value) { return place(std::move(value)); }
    bool binary(Json::binary_t& value) { return place(std::move(value)); }

    bool start_object(std::size_t) {
        open_.push_back(put(Json::object()));
        members_.emplace_back();
        keys_seen_.emplace_back();
        key_path_.push_back(pending_key_);
        pending_key_.clear();
        return true;
    }
    bool key(std::string& key) {
        if (seen_before(key)) {
            std::string where;
            for (std::size_t i = 1; i < key_path_.size(); ++i) where += "/" + key_path_[i];
            throw Error(ErrorKind::bad_plan, source_ + ": " + (where.empty() ? "/" : where) + ": key \"" + key +
                                                "\" appears twice in one object");
        }
        pending_key_ = key;
        auto& members = members_.back();
        members.emplace_back(std::move(key), nullptr);
        member_ = &members.back().second;
        return true;
    }
    bool end_object() {
        // Moved in at the end, into storage of the right size: an ordered_map's
        // members (const keys) are copied, values and all, each time it grows.
        auto& object = open_.back()->get_ref<Json::object_t&>();
        object.reserve(members_.back().size());
        for (auto& [k, v] : members_.back()) object.emplace_back(std::move(k), std::move(v));
        members_.pop_back();
        open_.pop_back();
        keys_seen_.pop_back();
        key_path_.pop_back();
        return true;
    }
    bool start_array(std::size_t) {
        open_.push_back(put(Json::array()));
        pending_key_.clear();
        return true;
    }
    bool end_array() {
        open_.pop_back();
        return true;
    }
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) {
        throw e; // the concrete nlohmann exception: parse_error or out_of_range
    }

private:
    Json& root_;
    const std::string& source_;
    std::vector<Json*> open_; // the objects and arrays being filled, innermost last
    Json* member_ = nullptr;  // the member the last key made, waiting for its value
    std::vector<std::vector<std::pair<std::string, Json>>> members_; // per open object, until it ends
    // The path kept as the parser's callback kept it, so a duplicate key is named as before.
    std::vector<std::unordered_set<std::size_t>> keys_seen_; // hashes of a big object's keys
    std::vector<std::string> key_path_;
    std::string pending_key_;

    // A small object's members are searched; a big one (the assignment) gets a set
    // of its keys' hashes once it passes 16, so small ones cost no allocation.
    bool seen_before(const std::string& key) {
        const auto& members = members_.back();
        auto& seen = keys_seen_.back();
        auto search = [&] {
            for (const auto& m : members)
                if (m.first == key) return true;
            return false;
        };
        if (members.size() < 16) return search();
        const std::hash<std::string> hash;
        if (seen.empty())
            for (const auto& m : members) seen.insert(hash(m.first));
        // The hashes only, not copies of a million keys; a hash seen before is a
        // duplicate or (rarely) a collision, told apart by searching.
        return !seen.insert(hash(key)).second && search();
    }

    template <class Value>
    Json* put(Value&& value) {
        if (open_.empty()) {
            root_ = Json(std::forward<Value>(value));
            return &root_;
        }
        if (open_.back()->is_array()) {
            auto& items = open_.back()->get_ref<Json::array_t&>();
            items.emplace_back(std::forward<Value>(value));
            return &items.back();
        }
        *member_ = Json(std::forward<Value>(value));
        return member_;
    }
    template <class Value>
    bool place(Value&& value) {
        put(std::forward<Value>(value));
        return true;
    }
}; // class DocumentBuilder

// The plan's text exactly as ordered_json::dump(2) writes it, written straight from
// the plan: building an ordered_json of a million members first (operator[] searches
// linearly; even appending, a tree of that size) cost far more than the text.
struct PlanText {
    std::string text;
    std::vector<bool> empty; // per open object or array: nothing in it yet

    void begin(char open) {
        text += open;
        empty.push_back(true);
    }
    void end(char close) {
        const bool was_empty = empty.back();
        empty.pop_back();
        if (!was_empty) {
            text += '\n';
            text.append(2 * empty.size(), ' ');
        }
        text += close;
    }
    // Before each member of an object or element of an array.
    void item() {
        text += empty.back() ? "\n" : ",\n";
        empty.back() = false;
        text.append(2 * empty.size(), ' ');
    }
    void key(const std::string& k) {
        item();
        quoted(k);
        text += ": ";
    }
    void member(const std::string& k, const std::string& value) {
        key(k);
        quoted(value);
    }
    void raw(const std::string& s) { text += s; }
    // An array of one object per element; write(element) writes its members.
    template <class Elements, class Write>
    void object_array(const std::string& k, const Elements& elements, Write write) {
        key(k);
        begin('[');
        for (const auto& element : elements) {
            item();
            begin('{');
            write(element);
            end('}');
        }
        end(']');
    }
    // Printable ASCII without quote or backslash is written as it is; anything else as
    // nlohmann escapes it (and refuses, as before, what is not UTF-8).
    void quoted(const std::string& s) {
        const bool plain = std::all_of(s.begin(), s.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u >= 0x20 && u < 0x7f && c != '"' && c != '\\';
        });
        if (!plain) {
            text += Json(s).dump();
            return;
        }
        text += '"';
        text += s;
        text += '"';
    }
};

} // namespace

std::string plan_to_json_text(const LocalityPlan& plan) {
    PlanText t;
    t.begin('{');
    t.key("schema_version");
    t.raw(Json(plan.schema_version).dump());
    t.key("partnership");
    t.begin('{');
    t.member("code", plan.partnership_code);
    t.member("name", plan.partnership_name);
    t.end('}');
    t.key("sources");
    t.begin('{');
    for (const auto& [role, path] : plan.sources) t.member(role, path);
    t.end('}');
    if (!plan.balance.empty())
        t.object_array("balance", plan.balance, [&](const auto& b) {
            t.member("column", b.column);
            t.key("tolerance");
            t.raw(Json(b.tolerance).dump());
            if (b.soft) {
                t.key("soft");
                t.raw("true");
            }
        });
    if (plan.partitioner) {
        const PartitionerRules& r = *plan.partitioner;
        t.key("partitioner");
        t.begin('{');
        const auto text = [&](const char* key, const std::string& value) {
            if (!value.empty()) t.member(key, value);
        };
        const auto number = [&](const char* key, const Json& value) {
            t.key(key);
            t.raw(value.dump());
        };
        text("cut_cost", r.cut_cost);
        text("population", r.population);
        text("split_settlements", r.split_settlements);
        text("keep_whole", r.keep_whole);
        if (r.split_cost >= 0) number("split_cost", r.split_cost);
        t.member("blocks", r.blocks);
        if (r.block_split_cost >= 0) number("block_split_cost", r.block_split_cost);
        number("seed", r.seed);
        number("effort", r.effort);
        t.end('}');
    }
    t.object_array("localities", plan.localities, [&](const Locality& l) {
        t.member("id", l.id);
        t.member("name", l.name);
        t.member("colour", l.colour);
        if (l.locked) {
            t.key("locked");
            t.raw("true");
        }
        if (!l.hub_zone.empty()) {
            t.key("hub");
            t.begin('{');
            t.member("zone", l.hub_zone);
            if (!l.hub_place.empty()) t.member("place", l.hub_place);
            t.end('}');
        }
    });
    t.key("assignment");
    t.begin('{');
    for (const auto& [zone, locality] : plan.assignment) t.member(zone, locality);
    t.end('}');
    t.key("locked_zones");
    t.begin('[');
    for (const auto& z : plan.locked_zones) {
        t.item();
        t.quoted(z);
    }
    t.end(']');
    t.object_array("crossings", plan.crossings, [&](const auto& c) {
        t.member("zone_a", c.zone_a);
        t.member("zone_b", c.zone_b);
        if (!c.note.empty()) t.member("note", c.note);
    });
    t.key("arrangements");
    t.begin('{');
    for (const auto& [function, per_locality] : plan.arrangements) {
        t.key(function);
        t.begin('{');
        for (const auto& [locality, a] : per_locality) {
            t.key(locality);
            t.begin('{');
            t.member("delivery", to_string(a.delivery));
            if (!a.hosted_by.empty()) t.member("hosted_by", a.hosted_by);
            if (!a.notes.empty()) t.member("notes", a.notes);
            t.end('}');
        }
        t.end('}');
    }
    t.end('}');
    t.member("notes", plan.notes);
    t.end('}');
    t.raw("\n");
    return std::move(t.text);
}

LocalityPlan plan_from_json_text(const std::string& text, const std::string& source) {
    Json root;
    DocumentBuilder builder(root, source);
    try {
        Json::sax_parse(text, &builder);
    } catch (const nlohmann::json::out_of_range& e) {
        // A number beyond double range (1e309): name the line holding it.
        std::string what = e.what();
        std::size_t line = 0;
        if (auto q1 = what.find('\''); q1 != std::string::npos) {
            if (auto q2 = what.find('\'', q1 + 1); q2 != std::string::npos) {
                const std::string number = what.substr(q1 + 1, q2 - q1 - 1);
                if (auto at = text.find(number); !number.empty() && at != std::string::npos)
                    line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
            }
        }
        if (auto colon = what.find("] "); colon != std::string::npos) what = what.substr(colon + 2);
        throw Error(ErrorKind::bad_plan, source + (line ? ": line " + std::to_string(line) : std::string()) +
                                            ": a number out of range (" + what + ")");
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is the 1-based offset of the problem; turn it into a line and column.
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') { ++line; column = 1; }
            else ++column;
        }
        std::string what = e.what();
        if (auto colon = what.find(": syntax error"); colon != std::string::npos) what = what.substr(colon + 2);
        throw Error(ErrorKind::bad_plan, source + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
                                            ": not valid JSON (" + what + ")");
    }
    return PlanReader(source).read(root);
}

LocalityPlan read_plan(const std::string& path) { return plan_from_json_text(read_text_file(path, "plan file"), path); }

void write_plan(const std::string& path, const LocalityPlan& plan) { write_file_atomically(path, plan_to_json_text(plan)); }

} // namespace lp
