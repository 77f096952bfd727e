// SPDX-License-Identifier: MIT
#pragma once

// A non-owning reference to a callable: what conclude() hands its heavy, separately compilable core
// (detail::conclude_options) so that the core is a template on the decision policy only, not on the
// caller's lambda. One object pointer and one function pointer; no allocation, no <functional>.

#include <type_traits>
#include <utility>

namespace runwise::detail {

template <class Signature>
class function_ref;

/// Refers to any `F` callable as `R(Args...)`, which must outlive the reference (pass it down a
/// call, never store it). Copying copies the reference. (`&f`, not std::addressof: no <memory> in
/// the core; runwise passes lambdas, which do not overload unary `&`.)
///
/// ```cpp
/// auto twice = [](double x) { return 2 * x; };
/// runwise::detail::function_ref<double(double)> f = twice;
/// f(3.0);   // 6
/// ```
template <class R, class... Args>
class function_ref<R(Args...)> {
 public:
  template <class F>
  requires(!std::is_same_v<std::remove_cvref_t<F>, function_ref> && std::is_invocable_r_v<R, F&, Args...>)
      function_ref(F&& f)
  noexcept  // NOLINT(google-explicit-constructor): converts like std::function_ref
      : object_(const_cast<void*>(static_cast<const void*>(&f))), call_([](void* o, Args... args) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(o))(std::forward<Args>(args)...);
        }) {}

  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

}  // namespace runwise::detail
