// Triggers and policies: objects named within a table, dropped and renamed the same way.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/replay.h"

namespace migc {

template <class Member>
struct MemberKind {
  std::vector<Member> Relation::*list;         // &Relation::triggers
  ObjectRef (*ref)(QualifiedName, std::string);  // trigger_ref
  std::string_view comment_type;               // "trigger": the pg_identify_object type
};

inline const MemberKind<Trigger> kTriggers{&Relation::triggers, trigger_ref, "trigger"};
inline const MemberKind<Policy> kPolicies{&Relation::policies, policy_ref, "policy"};

// `[schema.]table.name` as DROP TRIGGER / DROP POLICY write it: the table, resolved, and the name.
std::pair<QualifiedName, std::string> member_target(const PgQuery__Node* object, const ReplayContext& ctx);

// The member `name` of `table` in the catalog, or nullptr.
template <class Member>
Member* find_member(const MemberKind<Member>& kind, const QualifiedName& table, std::string_view name,
                    ReplayContext& ctx);

// Adds `member` to `table` (replacing one of the same name); records Create or Alter of it and
// an Alter of the table. Without `replace` an existing member stays as it is.
template <class Member>
void define_member(const MemberKind<Member>& kind, const QualifiedName& table, Member member, bool replace,
                   ReplayContext& ctx);
template <class Member>
void drop_member(const MemberKind<Member>& kind, const QualifiedName& table, const std::string& name,
                 ReplayContext& ctx);
template <class Member>
void rename_member(const MemberKind<Member>& kind, const QualifiedName& table, const std::string& from,
                   const std::string& to, ReplayContext& ctx);

}  // namespace migc
