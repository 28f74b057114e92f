// parse_yaml: yaml-cpp's event parser feeding our own tree; the only file that includes yaml-cpp.
//
// Why not YAML::LoadAll: in yaml-cpp 0.7, as packaged in Debian 12, a document whose first token
// no node can start with (a file holding only `,`) is reported as a null document *without
// consuming the token*, so Parser::HandleNextDocument returns true for ever and LoadAll keeps
// appending null documents until memory runs out. Reported upstream as jbeder/yaml-cpp#1040
// ("Comma causing infinite loop"); fixed upstream by jbeder/yaml-cpp#1319 ("avoid possible
// infinite loop in LoadAll()", 2024), after Debian 12's package. So this file calls
// HandleNextDocument itself and stops when a document starts where the previous one did: the
// parser made no progress, and the token there is a syntax error. Every other call consumes a
// token, so the number of calls is bounded by the size of the text.
//
// Parsing once with our own handler also avoids building yaml-cpp's Node graph, which is about
// three times slower than the parse itself on large files.
#include "model/scenario/yaml_tree.hpp"

#include <sstream> // the parser reads an istream

#include <yaml-cpp/eventhandler.h> // EventHandler
#include <yaml-cpp/exceptions.h>   // ParserException
#include <yaml-cpp/mark.h>         // Mark
#include <yaml-cpp/parser.h>       // Parser

#include "model/check.hpp" // RC_CHECK

namespace rc {

namespace {

YamlMark mark_of(const YAML::Mark& m) {
    return YamlMark{m.line < 0 ? 0u : static_cast<uint32_t>(m.line),
                    m.column < 0 ? 0u : static_cast<uint32_t>(m.column)};
}

/// Records where each document starts and nothing else (for the documents after the first).
class DocumentProbe final : public YAML::EventHandler {
public:
    YAML::Mark start;
    void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

bool same_position(const YAML::Mark& a, const YAML::Mark& b) {
    return a.pos == b.pos && a.line == b.line && a.column == b.column;
}

YamlError stuck_at(std::string_view text, const YAML::Mark& m) {
    size_t pos = m.pos < 0 ? text.size() : static_cast<size_t>(m.pos);
    std::string what = pos < text.size() ? std::string("'") + text[pos] + "'" : "end of file";
    return YamlError{mark_of(m), true, "invalid YAML: no value can start with " + what,
                     "the file is not valid YAML; check indentation and quoting here"};
}

} // namespace

YamlTree::YamlTree() : root_(&nodes_.emplace_back()) {}

/// Builds a YamlTree from one document's events.
class YamlTreeBuilder final : public YAML::EventHandler {
public:
    explicit YamlTreeBuilder(YamlTree& tree) : tree_(tree) {}
    YAML::Mark start;

    void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        add(YamlKind::Null, mark, anchor);
    }
    void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
        RC_CHECK(anchor < anchors_.size() && anchors_[anchor], "yaml-cpp passed an unknown anchor");
        attach(anchors_[anchor]);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        YamlNode& n = add(YamlKind::Scalar, mark, anchor);
        n.tag = tag;
        n.scalar = value;
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open_.push_back(&add(YamlKind::Sequence, mark, anchor));
        open_.back()->tag = tag;
    }
    void OnSequenceEnd() override { open_.pop_back(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open_.push_back(&add(YamlKind::Map, mark, anchor));
        open_.back()->tag = tag;
    }
    void OnMapEnd() override { open_.pop_back(); }

private:
    YamlNode& add(YamlKind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        YamlNode& n = tree_.nodes_.emplace_back();
        n.kind = kind;
        n.mark = mark_of(mark);
        if (anchor != YAML::NullAnchor) {
            if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, nullptr);
            anchors_[anchor] = &n;
        }
        attach(&n);
        return n;
    }
    void attach(const YamlNode* n) {
        if (open_.empty()) tree_.root_ = n;
        else open_.back()->children.push_back(n);
    }

    YamlTree& tree_;
    std::vector<YamlNode*> open_;            // collections being filled, innermost last
    std::vector<const YamlNode*> anchors_;   // by yaml-cpp's anchor number (1, 2, ...)
};

std::variant<YamlTree, YamlError> parse_yaml(std::string_view text) {
    std::istringstream in{std::string(text)};
    try {
        YAML::Parser parser(in);
        YamlTree tree;
        YamlTreeBuilder builder(tree);
        if (!parser.HandleNextDocument(builder)) return tree; // no document: an empty file
        // More documents? Each call that returns true consumed at least one token unless the
        // document starts where the previous one did (the LoadAll loop above), so this ends.
        YAML::Mark previous = builder.start;
        uint32_t documents = 1;
        YAML::Mark second;
        for (DocumentProbe probe; parser.HandleNextDocument(probe); previous = probe.start) {
            if (same_position(probe.start, previous)) return stuck_at(text, probe.start);
            if (++documents == 2) second = probe.start;
        }
        if (documents > 1)
            return YamlError{mark_of(second), true,
                             "the file holds " + std::to_string(documents) +
                                 " YAML documents; expected one",
                             "remove the `---` separators: one scenario per file"};
        return tree;
    } catch (const YAML::Exception& e) {
        if (e.mark.is_null()) return YamlError{{}, false, e.msg, ""};
        return YamlError{mark_of(e.mark), true, e.msg,
                         "the file is not valid YAML; check indentation and quoting here"};
    }
}

} // namespace rc
