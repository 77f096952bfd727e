// SPDX-License-Identifier: MIT
#pragma once

// A binary heap of small integer ids that can also remove any member in O(log n): each id's
// position in the heap is kept by the caller (`Traits::position(id)`), so the request simulator
// stores it in the instance record and allocates nothing per request.

#include <cstdint>
#include <utility>
#include <vector>

namespace runwise::detail {

/// `Traits` provides `bool before(std::uint32_t a, std::uint32_t b)` (a belongs nearer the top)
/// and `std::uint32_t& position(std::uint32_t id)` (storage for id's slot, `absent` when out).
///
/// ```cpp
/// struct by_value { std::vector<double>* v; std::vector<std::uint32_t>* pos;
///   bool before(std::uint32_t a, std::uint32_t b) const { return (*v)[a] > (*v)[b]; }
///   std::uint32_t& position(std::uint32_t id) const { return (*pos)[id]; } };
/// runwise::detail::indexed_heap<by_value> heap{by_value{&values, &positions}};
/// heap.push(3); heap.erase(3);
/// ```
template <class Traits>
class indexed_heap {
 public:
  static constexpr std::uint32_t absent = 0xffffffffU;

  explicit indexed_heap(Traits traits) : traits_(std::move(traits)) {}

  [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
  [[nodiscard]] std::uint32_t top() const noexcept { return items_.front(); }

  void push(std::uint32_t id) {
    items_.push_back(id);
    traits_.position(id) = static_cast<std::uint32_t>(items_.size() - 1);
    sift_up(items_.size() - 1);
  }

  /// Removes `id`, which must be in the heap.
  void erase(std::uint32_t id) {
    const std::size_t at = traits_.position(id);
    traits_.position(id) = absent;
    const std::uint32_t last = items_.back();
    items_.pop_back();
    if (at == items_.size()) return;
    place(at, last);
    sift_up(at);
    sift_down(traits_.position(last));
  }

  void pop() { erase(items_.front()); }

 private:
  void place(std::size_t at, std::uint32_t id) {
    items_[at] = id;
    traits_.position(id) = static_cast<std::uint32_t>(at);
  }
  void sift_up(std::size_t at) {
    const std::uint32_t id = items_[at];
    while (at > 0) {
      const std::size_t parent = (at - 1) / 2;
      if (!traits_.before(id, items_[parent])) break;
      place(at, items_[parent]);
      at = parent;
    }
    place(at, id);
  }
  void sift_down(std::size_t at) {
    const std::uint32_t id = items_[at];
    const std::size_t n = items_.size();
    for (;;) {
      std::size_t child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && traits_.before(items_[child + 1], items_[child])) ++child;
      if (!traits_.before(items_[child], id)) break;
      place(at, items_[child]);
      at = child;
    }
    place(at, id);
  }

  Traits traits_;
  std::vector<std::uint32_t> items_;
};

}  // namespace runwise::detail
