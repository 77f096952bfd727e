// SPDX-License-Identifier: MIT
#pragma once

// Amazon API Gateway: REST APIs priced per million requests in monthly volume tiers; HTTP APIs per
// million requests metered in 512 KB increments.

#include <string_view>

#include "../../core/detail/math.hpp"
#include "../../core/units.hpp"
#include "../../pricing/sheet.hpp"
#include "../../pricing/tiers.hpp"

namespace runwise::pricing::aws {

inline constexpr source api_gateway_whitepaper{
    "https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/amazon-api-gateway.html", 'O'};
inline constexpr source api_gateway_pricing_page{"https://aws.amazon.com/api-gateway/pricing/", 'O'};

/// API Gateway's price sheet (us-east-1). Tier sizes are in millions of requests per month.
struct api_gateway_sheet {
  std::string_view as_of;
  double rest_per_million, rest_per_million_tier2, rest_per_million_tier3, rest_per_million_tier4;
  double rest_tier1_millions, rest_tier2_millions, rest_tier3_millions;
  double http_per_million, http_per_million_tier2;
  double http_tier1_millions;
  double http_metering_kb;  ///< an HTTP API request counts once per started increment of this size
  double free_requests;     ///< per month, during an account's first 12 months only

  template <class Self, class V>
  static constexpr void fields(Self& s, V&& v) {
    v("rest_per_million", s.rest_per_million, "USD per million REST requests (first tier)", api_gateway_whitepaper);
    v("rest_per_million_tier2", s.rest_per_million_tier2, "USD per million REST requests (second tier)",
      api_gateway_whitepaper);
    v("rest_per_million_tier3", s.rest_per_million_tier3, "USD per million REST requests (third tier)",
      api_gateway_whitepaper);
    v("rest_per_million_tier4", s.rest_per_million_tier4, "USD per million REST requests (beyond)",
      api_gateway_whitepaper);
    v("rest_tier1_millions", s.rest_tier1_millions, "million REST requests per month in the first tier",
      api_gateway_whitepaper);
    v("rest_tier2_millions", s.rest_tier2_millions, "million REST requests per month in the second tier",
      api_gateway_whitepaper);
    v("rest_tier3_millions", s.rest_tier3_millions, "million REST requests per month in the third tier",
      api_gateway_whitepaper);
    v("http_per_million", s.http_per_million, "USD per million HTTP API requests (first tier)",
      api_gateway_pricing_page);
    v("http_per_million_tier2", s.http_per_million_tier2, "USD per million HTTP API requests (beyond)",
      api_gateway_pricing_page);
    v("http_tier1_millions", s.http_tier1_millions, "million HTTP API requests per month in the first tier",
      api_gateway_pricing_page);
    v("http_metering_kb", s.http_metering_kb, "KB: HTTP API requests are metered in increments of this size",
      api_gateway_pricing_page);
    v("free_requests", s.free_requests, "requests per month free in an account's first 12 months",
      api_gateway_pricing_page);
  }
};

/// Values: docs/pricing.md (Front doors), checked 2026-11-26.
inline namespace prices_2026_11 {
inline constexpr api_gateway_sheet api_gateway_prices{
    .as_of = "2026-11-26",
    // REST: $3.50 first 333 M, $2.80 next 667 M, $2.38 next 19 B, $1.51 over 20 B (AWS whitepaper).
    .rest_per_million = 3.50,
    .rest_per_million_tier2 = 2.80,
    .rest_per_million_tier3 = 2.38,
    .rest_per_million_tier4 = 1.51,
    .rest_tier1_millions = 333,
    .rest_tier2_millions = 667,
    .rest_tier3_millions = 19'000,
    // HTTP: $1.00 first 300 M, $0.90 after; metered in 512 KB increments.
    .http_per_million = 1.00,
    .http_per_million_tier2 = 0.90,
    .http_tier1_millions = 300,
    .http_metering_kb = 512,
    .free_requests = 1e6,  // 12-month free tier, off unless asked for
};
}  // namespace prices_2026_11

/// The REST API bill for `requests` over `months` billing months.
constexpr usd api_gateway_rest_cost(const api_gateway_sheet& p, double requests, double months, bool free_tier) {
  const double paid = detail::max(0.0, requests - (free_tier ? p.free_requests * months : 0.0)) / 1e6;
  const tier tiers[] = {
      {p.rest_tier1_millions, p.rest_per_million},
      {p.rest_tier1_millions + p.rest_tier2_millions, p.rest_per_million_tier2},
      {p.rest_tier1_millions + p.rest_tier2_millions + p.rest_tier3_millions, p.rest_per_million_tier3},
      {0, p.rest_per_million_tier4}};
  return usd{tiered_cost(paid, tiers, months)};
}

/// The HTTP API bill: each request of `payload_kb` counts ceil(payload / 512 KB) times.
constexpr usd api_gateway_http_cost(const api_gateway_sheet& p, double requests, double payload_kb, double months,
                                    bool free_tier) {
  const double units_each = detail::max(1.0, detail::ceil(payload_kb / p.http_metering_kb - 1e-12));
  const double paid = detail::max(0.0, requests * units_each - (free_tier ? p.free_requests * months : 0.0)) / 1e6;
  const tier tiers[] = {{p.http_tier1_millions, p.http_per_million}, {0, p.http_per_million_tier2}};
  return usd{tiered_cost(paid, tiers, months)};
}

}  // namespace runwise::pricing::aws
