// Compile-time checks of the unit types: dimensional analysis is done by the compiler.
#include <runwise/core/units.hpp>

#include <type_traits>

namespace {
using namespace runwise;

template <class A, class B>
concept addable = requires(A a, B b) {
  a + b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
  a* b;
};

// Same dimension adds; different dimensions do not.
static_assert(addable<usd, usd>);
static_assert(!addable<usd, gb_seconds>);
static_assert(!addable<seconds, megabytes>);
static_assert(!addable<usd, double>);
// A price multiplies only its own unit.
static_assert(multipliable<gb_seconds, price<gb_seconds>>);
static_assert(!multipliable<vcpu_seconds, price<gb_seconds>>);
// ... into dollars that remember the quantity and the price (a bill line's), usable as plain dollars.
static_assert(std::is_same_v<decltype(gb_seconds{} * price<gb_seconds>{}), charge<gb_seconds>>);
static_assert(std::is_convertible_v<charge<gb_seconds>, usd>);
static_assert((gb_seconds{2} * price<gb_seconds>{0.5}).quantity == gb_seconds{2});
static_assert(gb_seconds{2} * price<gb_seconds>{0.5} + usd{1} == usd{2});
static_assert(std::is_same_v<decltype(megabytes{} * seconds{}), gb_seconds>);
static_assert(std::is_same_v<decltype(vcpu{} * seconds{}), vcpu_seconds>);
// No implicit conversion from a plain number.
static_assert(!std::is_convertible_v<double, usd>);

// GB = 1024 MB in every AWS and Azure formula (Lambda, Fargate and Azure Functions bill memory in GB of 1,024 MB: docs/pricing.md).
static_assert(megabytes{1024} * seconds{1} == gb_seconds{1});
static_assert(megabytes{512} * seconds{2} == gb_seconds{1});
static_assert(to_gb_hours(gb_seconds{3600}) == gb_hours{1});
static_assert(hours(730) == seconds{2'628'000});
static_assert(milliseconds(100) == seconds{0.1});
// $0.20 per million requests (AWS Lambda pricing page).
static_assert(requests{1e6} * price<requests>{0.20 / 1e6} == usd{0.20});
}  // namespace
