#include "site/model/latency_chart.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <limits>

#include "unit/core/utc_time.hpp"

namespace vigil {
namespace {

using testing::utc;

//! A small well-formedness check: tags nest and close, attribute values are quoted, and
//! text and values hold no raw '<' and only the five entities html_escape writes. Returns
//! the first problem, or "" when there is none.
std::string xml_problem(std::string_view xml) {
  auto entity_ok = [](std::string_view rest) {
    for (std::string_view entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) {
      if (rest.substr(0, entity.size()) == entity) return true;
    }
    return false;
  };
  std::vector<std::string> open;
  std::size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] == '&' && !entity_ok(xml.substr(i))) return "bad entity at " + std::to_string(i);
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string_view::npos) return "unterminated tag";
    std::string_view tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.starts_with('/')) {
      if (open.empty() || open.back() != tag.substr(1)) return "mismatched </" + std::string(tag);
      open.pop_back();
      continue;
    }
    const bool self_closing = tag.ends_with('/');
    if (self_closing) tag.remove_suffix(1);
    std::size_t p = 0;
    while (p < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[p])))) ++p;
    if (p == 0) return "empty tag name";
    const std::string name(tag.substr(0, p));
    while (p < tag.size()) {
      if (tag[p] != ' ') return "expected a space in <" + name;
      const std::size_t eq = tag.find('=', p);
      if (eq == std::string_view::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') {
        return "unquoted attribute in <" + name;
      }
      const std::size_t close = tag.find('"', eq + 2);
      if (close == std::string_view::npos) return "unterminated value in <" + name;
      if (tag.substr(eq + 2, close - eq - 2).find('<') != std::string_view::npos) {
        return "'<' in a value of <" + name;
      }
      p = close + 1;
    }
    if (!self_closing) open.push_back(name);
  }
  return open.empty() ? "" : "unclosed <" + open.back();
}

std::size_t count(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

std::vector<ChartPoint> minutes(Seconds from, int n, Status status = Status::kUp) {
  std::vector<ChartPoint> points;
  for (int i = 0; i < n; ++i) {
    points.push_back(ChartPoint{from + i * kMinute, status, 100.0 + i, 90.0 + i, 120.0 + i});
  }
  return points;
}

TEST(LatencyChartTest, IsWellFormedAccessibleSvg) {
  ChartOptions options;
  options.width = 640;
  options.height = 160;
  options.id = "chart-api";
  options.title = "Latency of <api> & \"web\"";
  const std::string svg = render_latency_chart(minutes(utc(2026, 1, 1, 10), 60), options);
  EXPECT_EQ(xml_problem(svg), "") << svg;
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(svg.ends_with("</svg>"));
  EXPECT_NE(svg.find("width=\"640\" height=\"160\" viewBox=\"0 0 640 160\""), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"chart-api-title\">Latency of &lt;api&gt; &amp; &quot;web&quot;"
                     "</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"chart-api-title chart-api-desc\""), std::string::npos);
  EXPECT_NE(svg.find("Min: 90 ms, Avg: 130 ms, Max: 179 ms"), std::string::npos) << svg;
  EXPECT_EQ(count(svg, "class=\"vl-line\""), 1u);
  EXPECT_EQ(count(svg, "class=\"vl-area\""), 1u);
  EXPECT_GE(count(svg, " ms</text>"), 3u);  // y ticks
}

TEST(LatencyChartTest, NoDataPointsBreakTheLine) {
  std::vector<ChartPoint> points = minutes(utc(2026, 1, 1, 10), 10);
  points[3].status = Status::kNoData;
  points[4].status = Status::kNoData;
  points[6].status = Status::kNoData;  // leaves point 5 on its own
  const std::string svg = render_latency_chart(points, ChartOptions{});
  EXPECT_EQ(xml_problem(svg), "");
  const std::size_t line = svg.find("class=\"vl-line\" d=\"");
  ASSERT_NE(line, std::string::npos);
  const std::string d = svg.substr(line, svg.find("\"/>", line) - line);
  EXPECT_EQ(count(d, "M"), 2u) << d;  // points 0-2 and 7-9
  EXPECT_EQ(count(svg, "class=\"vl-point\""), 1u);
}

TEST(LatencyChartTest, MarksDownAndDegradedBuckets) {
  std::vector<ChartPoint> points = minutes(utc(2026, 1, 1, 10), 10);
  points[2].status = Status::kDown;
  points[5].status = Status::kDown;
  points[7].status = Status::kDegraded;
  points[8].status = Status::kMaintenance;
  ChartOptions options;
  options.locale = "de";
  const std::string svg = render_latency_chart(points, options);
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_EQ(count(svg, "class=\"vl-marker vl-down\""), 2u);
  EXPECT_EQ(count(svg, "class=\"vl-marker vl-degraded\""), 1u);
  EXPECT_NE(svg.find("<title>2026-01-01 10:02 · AUSGEFALLEN · 102 ms</title>"), std::string::npos)
      << svg;
}

TEST(LatencyChartTest, TimeLabelsAreInTheZone) {
  ChartOptions options;
  Result<TimeZone> kolkata = TimeZone::locate("Asia/Kolkata");
  ASSERT_TRUE(kolkata.ok());
  options.zone = *kolkata;
  // 10:00-10:59 UTC is 15:30-16:29 in India: ticks every 10 minutes from 15:30.
  const std::string svg = render_latency_chart(minutes(utc(2026, 1, 1, 10), 60), options);
  EXPECT_NE(svg.find(">15:30</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">16:20</text>"), std::string::npos) << svg;
  EXPECT_EQ(svg.find(">10:00</text>"), std::string::npos);
}

TEST(LatencyChartTest, LongRangesAreLabelledWithLocalDates) {
  std::vector<ChartPoint> days;
  for (int i = 0; i < 90; ++i) {
    days.push_back(ChartPoint{utc(2026, 9, 1) + i * kDay, Status::kUp, 50, 40, 60});
  }
  ChartOptions options;
  const std::string english = render_latency_chart(days, options);
  EXPECT_EQ(xml_problem(english), "");
  EXPECT_NE(english.find(">Nov 29</text>"), std::string::npos) << english;  // the last day
  options.locale = "de";
  EXPECT_NE(render_latency_chart(days, options).find(">29. Nov.</text>"), std::string::npos);
}

TEST(LatencyChartTest, EmptyChartSaysSo) {
  ChartOptions options;
  options.no_data_text = "No data in this range";
  const std::string svg = render_latency_chart({}, options);
  EXPECT_EQ(xml_problem(svg), "") << svg;
  EXPECT_NE(svg.find(">No data in this range</text>"), std::string::npos);
  EXPECT_EQ(svg.find("vl-line"), svg.find("vl-line{"));  // only in the style sheet
  const std::string gaps =
      render_latency_chart(minutes(utc(2026, 1, 1), 5, Status::kNoData), options);
  EXPECT_EQ(xml_problem(gaps), "");
  EXPECT_NE(gaps.find(">No data in this range</text>"), std::string::npos);
}

TEST(LatencyChartTest, ZeroAndTinyLatenciesStillScale) {
  std::vector<ChartPoint> points = minutes(utc(2026, 1, 1), 5);
  for (ChartPoint& p : points) p.avg_ms = p.min_ms = p.max_ms = 0.2;
  const std::string svg = render_latency_chart(points, ChartOptions{});
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_NE(svg.find(">1 ms</text>"), std::string::npos) << svg;
  for (std::string_view bad : {"nan\"", "nan,", "inf\"", "inf,"}) {
    EXPECT_EQ(svg.find(bad), std::string::npos) << bad;
  }
  // Broken input (not a number, infinite, negative) still draws inside the chart.
  points[1].avg_ms = std::numeric_limits<double>::quiet_NaN();
  points[2].avg_ms = std::numeric_limits<double>::infinity();
  points[3].avg_ms = -50;
  const std::string broken = render_latency_chart(points, ChartOptions{});
  EXPECT_EQ(xml_problem(broken), "");
  for (std::string_view bad : {"nan\"", "nan,", "inf\"", "inf,", ",-"}) {
    EXPECT_EQ(broken.find(bad, broken.find("</style>")), std::string::npos) << bad;
  }
}

}  // namespace
}  // namespace vigil
