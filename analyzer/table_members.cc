#include "analyzer/table_members.h"

#include <algorithm>

#include "analyzer/object_identity.h"
#include "analyzer/replay_objects.h"

namespace migc {

std::pair<QualifiedName, std::string> member_target(const PgQuery__Node* object, const ReplayContext& ctx) {
  std::vector<std::string> names = object_names(object);
  if (names.empty()) return {};
  std::string name = names.back();
  names.pop_back();
  return {ctx.resolve_relation(names), name};
}

template <class Member>
Member* find_member(const MemberKind<Member>& kind, const QualifiedName& table, std::string_view name,
                    ReplayContext& ctx) {
  Relation* r = ctx.catalog.relation(table);
  if (!r) return nullptr;
  auto& list = r->*kind.list;
  auto it = std::find_if(list.begin(), list.end(), [&](const Member& m) { return m.name == name; });
  return it == list.end() ? nullptr : &*it;
}

template <class Member>
void define_member(const MemberKind<Member>& kind, const QualifiedName& table, Member member, bool replace,
                   ReplayContext& ctx) {
  Member* existing = find_member(kind, table, member.name, ctx);
  ctx.reference(relation_ref(table), Access::Alter);
  ctx.reference(kind.ref(table, member.name), existing && replace ? Access::Alter : Access::Create);
  Relation* r = ctx.catalog.relation(table);
  if (!ctx.execute || !r || (existing && !replace)) return;
  r->provenance.touch(ctx.migration);
  if (existing) {
    member.provenance = existing->provenance;
    member.provenance.touch(ctx.migration);
    *existing = std::move(member);
    return;
  }
  member.provenance = Provenance{ctx.migration, {}};
  (r->*kind.list).push_back(std::move(member));
}

template <class Member>
void drop_member(const MemberKind<Member>& kind, const QualifiedName& table, const std::string& name,
                 ReplayContext& ctx) {
  ctx.reference(relation_ref(table), Access::Alter);
  ctx.reference(kind.ref(table, name), Access::Drop);
  Relation* r = ctx.catalog.relation(table);
  if (!ctx.execute || !r) return;
  if (std::erase_if(r->*kind.list, [&](const Member& m) { return m.name == name; }) == 0) return;
  r->provenance.touch(ctx.migration);
  ctx.catalog.comments.erase(member_key(kind.comment_type, name, table));
}

template <class Member>
void rename_member(const MemberKind<Member>& kind, const QualifiedName& table, const std::string& from,
                   const std::string& to, ReplayContext& ctx) {
  ctx.reference(relation_ref(table), Access::Alter);
  ctx.reference(kind.ref(table, from), Access::Drop);
  ctx.reference(kind.ref(table, to), Access::Create);
  Member* m = find_member(kind, table, from, ctx);
  if (!ctx.execute || !m) return;
  m->name = to;
  m->provenance.touch(ctx.migration);
  ctx.catalog.relation(table)->provenance.touch(ctx.migration);
  if (auto comment = ctx.catalog.comments.extract(member_key(kind.comment_type, from, table))) {
    comment.key() = member_key(kind.comment_type, to, table);
    ctx.catalog.comments.insert(std::move(comment));
  }
}

template Trigger* find_member(const MemberKind<Trigger>&, const QualifiedName&, std::string_view, ReplayContext&);
template Policy* find_member(const MemberKind<Policy>&, const QualifiedName&, std::string_view, ReplayContext&);
template void define_member(const MemberKind<Trigger>&, const QualifiedName&, Trigger, bool, ReplayContext&);
template void define_member(const MemberKind<Policy>&, const QualifiedName&, Policy, bool, ReplayContext&);
template void drop_member(const MemberKind<Trigger>&, const QualifiedName&, const std::string&, ReplayContext&);
template void drop_member(const MemberKind<Policy>&, const QualifiedName&, const std::string&, ReplayContext&);
template void rename_member(const MemberKind<Trigger>&, const QualifiedName&, const std::string&, const std::string&,
                            ReplayContext&);
template void rename_member(const MemberKind<Policy>&, const QualifiedName&, const std::string&, const std::string&,
                            ReplayContext&);

}  // namespace migc
