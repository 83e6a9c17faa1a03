// The activity page's view model and texts (frontend/activity_view.h).
#include "frontend/activity_view.h"

#include <gtest/gtest.h>

namespace portal::frontend {
namespace {

using nlohmann::json;

const core::Vocabulary& vocabulary() {
  static const core::Vocabulary v = core::Vocabulary::builtin();
  return v;
}

TEST(ActivityView, DanishDatesAndTimes) {
  const core::Date d = core::from_ymd({2026, 12, 1});
  EXPECT_EQ(danish_date(d), "1. december 2026");
  EXPECT_EQ(danish_date(d, true, false), "tirsdag 1. december");
  EXPECT_EQ(danish_date(core::from_ymd({2027, 3, 20}), true, true), "lørdag 20. marts 2027");
  EXPECT_EQ(danish_time(9 * 60 + 5), "09.05");
  EXPECT_EQ(occurrence_text({{"date", "2026-12-01"}, {"start", "10:00"}, {"end", "11:30"}}),
            "tirsdag 1. december kl. 10.00–11.30");
  EXPECT_EQ(occurrence_text({{"date", "2026-12-06"}, {"start", "14:00"}}), "søndag 6. december kl. 14.00");
  EXPECT_EQ(occurrence_text({{"date", "not a date"}}), "");
}

TEST(ActivityView, SchedulesInWords) {
  EXPECT_EQ(schedule_text({{"weekday", "tue"}, {"start", "10:00"}, {"end", "11:30"}}), "Hver tirsdag kl. 10.00–11.30");
  EXPECT_EQ(schedule_text({{"weekday", "wed"}, {"start", "14:00"}, {"every_weeks", 2}}), "Hver anden onsdag kl. 14.00");
  EXPECT_EQ(schedule_text({{"weekday", "wed"}, {"start", "14:00"}, {"every_weeks", 3}}),
            "Hver 3. uge om onsdagen kl. 14.00");
  EXPECT_EQ(schedule_text({{"weekday", "thu"}, {"start", "19:00"}, {"week_of_month", -1}}),
            "Sidste torsdag i måneden kl. 19.00");
  EXPECT_EQ(schedule_text({{"weekday", "tue"}, {"start", "10:00"}, {"week_of_month", 1}}),
            "Første tirsdag i måneden kl. 10.00");
  EXPECT_EQ(schedule_text({{"weekday", "mon"},
                           {"start", "09:30"},
                           {"from", "2026-09-07"},
                           {"until", "2027-03-29"},
                           {"except", {"2026-12-21", "2026-12-28"}}}),
            "Hver mandag kl. 09.30, fra 7. september 2026, til og med 29. marts 2027. Aflyst 21. december 2026 og "
            "28. december 2026");
  EXPECT_EQ(schedule_text({{"weekday", "sat"}, {"start", "13:00"}, {"from", "2026-12-05"}, {"until", "2026-12-05"}}),
            "Lørdag 5. december 2026 kl. 13.00");
  EXPECT_EQ(schedule_text({{"weekday", "xyz"}}), "");
}

TEST(ActivityView, PhoneNumbers) {
  EXPECT_EQ(phone_display("+45 20 11 22 34"), "20 11 22 34");
  EXPECT_EQ(phone_display("20112234"), "20 11 22 34");
  EXPECT_EQ(phone_display("0045 2011 2234"), "20 11 22 34");
  EXPECT_EQ(phone_display(" +46 8 123 456 "), "+46 8 123 456");
  EXPECT_EQ(tel_href("+45 20 11 22 34"), "tel:+4520112234");
  EXPECT_EQ(tel_href("20 11 22 34"), "tel:+4520112234");
  EXPECT_EQ(tel_href("0046 8 123 456"), "tel:+468123456");
  EXPECT_EQ(tel_href("ring efter kl. ni"), "");
}

TEST(ActivityView, SameSitePathsOnly) {
  EXPECT_EQ(same_site_path("/aktivitet/a-b?x=1#y"), "/aktivitet/a-b?x=1#y");
  EXPECT_EQ(same_site_path("/"), "/");
  for (const char* bad : {"", "//evil.example", "//evil.example/x", "https://evil.example/", "http:/x", "\\\\evil.example",
                          "/\\evil.example", "evil", "/a\r\nSet-Cookie: x=y", "/a\tb", "javascript:alert(1)"}) {
    EXPECT_EQ(same_site_path(bad), "/") << bad;
  }
}

TEST(ActivityView, BackLinkOnlyToThisSitesSearch) {
  EXPECT_EQ(search_back_link("http://127.0.0.1:8080/?q=g%C3%A5tur&page=2", "127.0.0.1:8080"), "/?q=g%C3%A5tur&page=2");
  EXPECT_EQ(search_back_link("https://portal.example/", "portal.example"), "/");
  EXPECT_EQ(search_back_link("https://evil.example/?q=x", "portal.example"), "/");
  EXPECT_EQ(search_back_link("https://portal.example.evil/?q=x", "portal.example"), "/");
  EXPECT_EQ(search_back_link("https://portal.example/k/ABCDEFGH", "portal.example"), "/");
  EXPECT_EQ(search_back_link("", "portal.example"), "/");
  EXPECT_EQ(search_back_link("http://127.0.0.1:8080//evil", "127.0.0.1:8080"), "/");
}

json page_json() {
  return json::parse(R"({
    "id": "holstebro-gaaklub-tirsdag", "title": "Tirsdagsturen ved Storåen",
    "description": "En rolig gåtur.\n\nAlle kan være med.",
    "association": {"id": "holstebro-gaaklub", "name": "Holstebro Gåklub", "phone": "+45 20 11 22 33",
                    "email": "kontakt@gaaklub.example.dk", "website": "https://gaaklub.example.dk"},
    "interests": ["walking"], "target_groups": ["seniors"],
    "location": {"name": "Kulturhuset", "address": "Nørregade 1", "postcode": "7500", "city": "Holstebro",
                 "lat": 56.3612, "lon": 8.617, "approximate": false},
    "schedule": [{"weekday": "tue", "start": "10:00", "end": "11:30"}],
    "schedule_note": "Ikke i juli",
    "transport": ["public_transport", "pickup"], "accessibility": ["wheelchair"],
    "price_dkk": 0, "price_note": "Kaffe 10 kr.",
    "contact": {"name": "Inge Madsen", "phone": "+45 20 11 22 34"},
    "welcome": true,
    "freshness": {"last_confirmed": "2026-03-03", "state": "fresh", "stale_from": "2026-08-30", "hidden_from": "2026-11-28"},
    "next_occurrences": [{"date": "2026-12-01", "weekday": "tue", "start": "10:00", "end": "11:30"}]
  })");
}

TEST(ActivityView, EverythingAboutOneActivity) {
  const json v = activity_view(page_json(), vocabulary(), {"https://p.example/aktivitet/x", "/?q=g", "/aktivitet/x/kalender.ics"});
  EXPECT_EQ(v["title"], "Tirsdagsturen ved Storåen");
  EXPECT_EQ(v["association_name"], "Holstebro Gåklub");
  EXPECT_EQ(v["description_paragraphs"].size(), 2u);
  EXPECT_EQ(v["schedule"][0]["text"], "Hver tirsdag kl. 10.00–11.30");
  EXPECT_EQ(v["next"][0]["text"], "tirsdag 1. december kl. 10.00–11.30");
  EXPECT_EQ(v["tel_href"], "tel:+4520112234");  // the activity's contact before the association's
  EXPECT_EQ(v["phone"], "20 11 22 34");
  EXPECT_EQ(v["mailto_href"], "mailto:kontakt@gaaklub.example.dk");  // the association's e-mail
  EXPECT_EQ(v["directions_href"], "https://www.openstreetmap.org/directions?route=%3B56.36120%2C8.61700");
  EXPECT_EQ(v["price_text"], "Gratis");
  EXPECT_EQ(v["freshness"]["text"], "Sidst bekræftet af foreningen 3. marts 2026.");
  EXPECT_EQ(v["transport"][1]["code"], "pickup");
  EXPECT_TRUE(v["transport"][1].contains("explanation"));
  EXPECT_EQ(v["accessibility"][0]["label"], vocabulary().label_da(core::CodeKind::accessibility, "wheelchair"));
  EXPECT_EQ(v["calendar_href"], "/aktivitet/x/kalender.ics");
  EXPECT_EQ(v["back_href"], "/?q=g");
  EXPECT_FALSE(v["by_arrangement"].get<bool>());
}

TEST(ActivityView, StaleHiddenByArrangementAndApproximate) {
  json a = page_json();
  a["freshness"]["state"] = "hidden";
  a["schedule"] = json::array();
  a["next_occurrences"] = json::array();
  a["location"]["approximate"] = true;
  a.erase("price_dkk");
  a.erase("contact");
  const json v = activity_view(a, vocabulary(), {});
  EXPECT_TRUE(v["freshness"]["hidden"].get<bool>());
  EXPECT_NE(v["freshness"]["text"].get<std::string>().find("vises aktiviteten ikke længere i søgningen"), std::string::npos);
  EXPECT_TRUE(v["by_arrangement"].get<bool>());
  EXPECT_FALSE(v["has_next"].get<bool>());
  EXPECT_EQ(v["directions_href"], "https://www.openstreetmap.org/search?query=N%C3%B8rregade%201%2C%207500%20Holstebro");
  EXPECT_EQ(v["price_text"], "Prisen er ikke oplyst. Spørg foreningen.");
  EXPECT_EQ(v["tel_href"], "tel:+4520112233");  // the association's phone
  a["freshness"]["state"] = "stale";
  EXPECT_NE(activity_view(a, vocabulary(), {})["freshness"]["text"].get<std::string>().find("kan være forældede"),
            std::string::npos);
}

}  // namespace
}  // namespace portal::frontend
