// SPDX-License-Identifier: MIT
#pragma once

// A copyable, owning, type-erased callable: what std::function does for runwise's registry, without
// <functional>. libstdc++'s <functional> also brings <unordered_map>, <array>, <tuple> and the
// searchers; this is one heap object and three function pointers, which is all the registry needs.

#include <new>
#include <type_traits>
#include <utility>

namespace runwise {

template <class Signature>
class callable;

/// Holds any copyable `F` callable as `R(Args...)`; empty when default-constructed (calling an
/// empty callable is a precondition violation, as for a null function pointer).
///
/// ```cpp
/// runwise::callable<double(double)> twice = [k = 2.0](double x) { return k * x; };
/// twice(3.0);   // 6
/// ```
template <class R, class... Args>
class callable<R(Args...)> {
 public:
  callable() noexcept = default;

  template <class F>
  requires(!std::is_same_v<std::remove_cvref_t<F>, callable> && std::is_invocable_r_v<R, const F&, Args...>)
      callable(F&& f)  // NOLINT(google-explicit-constructor): converts like std::function
      : object_(new std::remove_cvref_t<F>(std::forward<F>(f))), ops_(&ops_for<std::remove_cvref_t<F>>) {}

  callable(const callable& other) : object_(other.ops_ ? other.ops_->copy(other.object_) : nullptr), ops_(other.ops_) {}
  callable(callable&& other) noexcept
      : object_(std::exchange(other.object_, nullptr)), ops_(std::exchange(other.ops_, nullptr)) {}
  callable& operator=(callable other) noexcept {
    std::swap(object_, other.object_);
    std::swap(ops_, other.ops_);
    return *this;
  }
  ~callable() {
    if (ops_) ops_->destroy(object_);
  }

  R operator()(Args... args) const { return ops_->call(object_, std::forward<Args>(args)...); }
  explicit operator bool() const noexcept { return ops_ != nullptr; }

 private:
  struct operations {
    R (*call)(const void*, Args&&...);
    void* (*copy)(const void*);
    void (*destroy)(void*) noexcept;
  };
  template <class F>
  static constexpr operations ops_for{
      [](const void* f, Args&&... args) -> R { return (*static_cast<const F*>(f))(std::forward<Args>(args)...); },
      [](const void* f) -> void* { return new F(*static_cast<const F*>(f)); },
      [](void* f) noexcept { delete static_cast<F*>(f); }};

  void* object_ = nullptr;
  const operations* ops_ = nullptr;
};

}  // namespace runwise
