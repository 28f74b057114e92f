// A YAML document as a small tree of nodes with positions, parsed by yaml-cpp's event parser.
//
// The scenario loader reads this tree, never yaml-cpp's own Node: yaml_tree.cpp is the only file
// in racecheck that includes yaml-cpp. It parses the text once, with its own event handler, and
// never calls YAML::Load or YAML::LoadAll: yaml-cpp 0.7 (Debian 12) loops for ever in LoadAll,
// allocating, on inputs such as a file holding only `,` (see yaml_tree.cpp for the bug and how
// the parse is bounded).
#pragma once

#include <cstdint>     // uint32_t
#include <deque>       // node storage with stable addresses
#include <string>      // tags, scalars, messages
#include <string_view> // the text
#include <variant>     // tree or error
#include <vector>      // children

namespace rc {

/// A 0-based position in the YAML text (yaml-cpp's Mark without the byte offset).
struct YamlMark {
    uint32_t line = 0;
    uint32_t column = 0;
};

enum class YamlKind { Null, Scalar, Sequence, Map };

struct YamlNode {
    YamlKind kind = YamlKind::Null;
    YamlMark mark;
    /// Scalars: "?" for a plain scalar, "!" for a quoted or block one, else the explicit tag.
    std::string tag;
    std::string scalar;
    /// Sequence: its entries. Map: key, value, key, value... An alias is the anchored node
    /// itself, so the graph may share nodes and even be cyclic: walk it only to a fixed depth.
    std::vector<const YamlNode*> children;

    bool is_null() const { return kind == YamlKind::Null; }
    bool is_scalar() const { return kind == YamlKind::Scalar; }
    bool is_sequence() const { return kind == YamlKind::Sequence; }
    bool is_map() const { return kind == YamlKind::Map; }
    size_t map_size() const { return children.size() / 2; }
    const YamlNode& key(size_t i) const { return *children[2 * i]; }
    const YamlNode& value(size_t i) const { return *children[2 * i + 1]; }
};

/// One parsed document. Movable, not copyable (children point into `nodes_`).
class YamlTree {
public:
    YamlTree();
    YamlTree(YamlTree&&) = default;
    YamlTree& operator=(YamlTree&&) = default;
    YamlTree(const YamlTree&) = delete;
    YamlTree& operator=(const YamlTree&) = delete;

    /// The document's root; a Null node for an empty file.
    const YamlNode& root() const { return *root_; }

private:
    friend class YamlTreeBuilder;
    std::deque<YamlNode> nodes_; // invariant: never shrinks while the tree lives
    const YamlNode* root_;
};

/// Invalid YAML, more than one document, or a construct the parser refuses.
struct YamlError {
    YamlMark mark;
    bool has_mark = true;
    std::string message;
    std::string hint;
};

/// Parses `text`, which must hold at most one document. Never throws, never loops.
std::variant<YamlTree, YamlError> parse_yaml(std::string_view text);

} // namespace rc
