// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>

namespace runwise {

/// A compile-time list of types, e.g. the platforms of a catalog.
///
/// ```cpp
/// using mine = runwise::catalog::append<my_platform>;   // the shipped platforms, then mine
/// ```
template <class... Ts>
struct type_list {
  static constexpr std::size_t size = sizeof...(Ts);
  /// The same list with `Us...` after its types.
  template <class... Us>
  using append = type_list<Ts..., Us...>;
};

namespace detail {

/// The types of `Ts...` that satisfy `Pred`, as a type_list.
template <template <class> class Pred, class... Ts>
using filter_t =
    decltype(std::tuple_cat(std::declval<std::conditional_t<Pred<Ts>::value, std::tuple<Ts>, std::tuple<>>>()...));

template <class Tuple>
struct to_type_list;
template <class... Ts>
struct to_type_list<std::tuple<Ts...>> {
  using type = type_list<Ts...>;
};

template <class T, class... Ts>
inline constexpr std::size_t count_of = (std::size_t{0} + ... + (std::is_same_v<T, Ts> ? 1 : 0));

/// The position of `T` in `type_list<Ts...>` (the first, when it occurs twice).
template <class... Ts, class T>
consteval std::size_t index_in(type_list<Ts...>, std::type_identity<T>) {
  constexpr bool same[] = {std::is_same_v<T, Ts>..., false};
  std::size_t i = 0;
  while (i < sizeof...(Ts) && !same[i]) ++i;
  return i;
}

/// Calls `f.template operator()<T_i>()` for the i-th type of `type_list<Ts...>`; one table of
/// function pointers built from the list, no hand-written switch.
template <class... Ts, class F>
decltype(auto) visit_at(type_list<Ts...>, std::size_t i, F&& f) {
  using R = decltype(f.template operator()<std::tuple_element_t<0, std::tuple<Ts...>>>());
  using thunk = R (*)(F&);
  static constexpr thunk table[] = {+[](F& g) -> R { return g.template operator()<Ts>(); }...};
  return table[i](f);
}

}  // namespace detail
}  // namespace runwise
