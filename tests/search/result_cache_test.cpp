// ResultCache: hits and misses, least-recently-used eviction within the capacity, the pin kept
// alive with its entry, and capacity 0 as "no cache".
#include "search/result_cache.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>

namespace portal::search {
namespace {

std::shared_ptr<const SerialisedAnswer> text(size_t bytes, char c = 'x') {
  return std::make_shared<const SerialisedAnswer>(SerialisedAnswer{std::string(bytes, c), 1});
}

std::shared_ptr<const SerialisedAnswer> answer(const std::string& text, uint64_t total) {
  return std::make_shared<const SerialisedAnswer>(SerialisedAnswer{text, total});
}

TEST(ResultCacheTest, FindsWhatWasInsertedAndCountsHitsAndMisses) {
  ResultCache cache(1 << 20);
  EXPECT_EQ(cache.find("a"), nullptr);
  cache.insert("a", answer("{\"total\":1}", 1));
  const auto hit = cache.find("a");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->text, "{\"total\":1}");
  EXPECT_EQ(hit->total, 1u);
  EXPECT_EQ(cache.find("b"), nullptr);
  const auto stats = cache.stats();
  EXPECT_EQ(stats.hits, 1u);
  EXPECT_EQ(stats.misses, 2u);
  EXPECT_EQ(stats.entries, 1u);
  EXPECT_GT(stats.bytes, 11u);
}

TEST(ResultCacheTest, EvictsTheLeastRecentlyUsedToStayWithinCapacity) {
  ResultCache cache(8'000);  // each entry below: 1,700 bytes of text plus key and overhead
  for (const char* key : {"a", "b", "c", "d"}) cache.insert(key, text(1'700));
  ASSERT_EQ(cache.stats().entries, 4u);
  ASSERT_NE(cache.find("a"), nullptr);  // a is now more recent than b
  cache.insert("e", text(1'700));       // no room for five: b, the least recently used, goes
  EXPECT_EQ(cache.find("b"), nullptr);
  for (const char* key : {"a", "c", "d", "e"}) EXPECT_NE(cache.find(key), nullptr) << key;
  EXPECT_LE(cache.stats().bytes, 8'000u);
  EXPECT_EQ(cache.stats().entries, 4u);
}

TEST(ResultCacheTest, DoesNotStoreAnAnswerLargerThanAQuarterOfTheCapacity) {
  ResultCache cache(10'000);
  cache.insert("small", text(1'000));
  cache.insert("big", text(3'000));
  EXPECT_EQ(cache.find("big"), nullptr);
  EXPECT_NE(cache.find("small"), nullptr);  // and it did not push out what was there
}

TEST(ResultCacheTest, ASecondInsertOfTheSameKeyKeepsTheFirst) {
  ResultCache cache(1 << 20);
  cache.insert("a", answer("first", 1));
  cache.insert("a", answer("second", 2));
  EXPECT_EQ(cache.find("a")->text, "first");
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST(ResultCacheTest, KeepsThePinAliveUntilTheEntryIsEvicted) {
  ResultCache cache(4'000);
  auto pin = std::make_shared<int>(7);
  std::weak_ptr<int> watch = pin;
  cache.insert("a", text(500), std::move(pin));
  EXPECT_FALSE(watch.expired());
  for (const char* key : {"b", "c", "d"}) cache.insert(key, text(700));
  EXPECT_FALSE(watch.expired());
  cache.insert("e", text(700));  // pushes out a
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_TRUE(watch.expired());
}

TEST(ResultCacheTest, CapacityZeroIsNoCache) {
  ResultCache cache(0);
  cache.insert("a", text(10));
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(cache.stats().entries, 0u);
  EXPECT_EQ(cache.stats().misses, 0u);  // not counted: there is no cache to miss
}

}  // namespace
}  // namespace portal::search
