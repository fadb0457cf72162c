#include "site/badge/badge_renderer.hpp"

#include <fmt/format.h>

#include <cmath>

#include "site/badge/badge_color.hpp"
#include "site/badge/badge_text.hpp"
#include "site/badge/font_metrics.hpp"

namespace vigil {
namespace {

constexpr const char* kFontFamily = "Verdana,Geneva,DejaVu Sans,sans-serif";
constexpr const char* kSocialFontFamily = "Helvetica Neue,Helvetica,Arial,DejaVu Sans,sans-serif";
constexpr double kFontSize = 11;
constexpr double kHorizPadding = 5;
// Text is drawn at 10x size and scaled down by .1, as badge-maker does, for finer positioning.
constexpr double kScale = 10;
constexpr const char* kDefaultLabelColor = "#555";

//! Look of the three styles that share badge-maker's classic layout.
struct ClassicLook {
  double height;
  double vertical_margin;
  bool shadow;
  double radius;      //!< corner radius of the clip; 0: square, no gradient
  const char* stops;  //!< the gradient's <stop> elements
};

constexpr ClassicLook kFlatLook{20, 0, true, 3,
                                R"svg(<stop offset="0" stop-color="#bbb" stop-opacity=".1"/>)svg"
                                R"svg(<stop offset="1" stop-opacity=".1"/>)svg"};
constexpr ClassicLook kPlasticLook{
    18, -10, true, 4,
    R"svg(<stop offset="0" stop-color="#fff" stop-opacity=".7"/>)svg"
    R"svg(<stop offset=".1" stop-color="#aaa" stop-opacity=".1"/>)svg"
    R"svg(<stop offset=".9" stop-color="#000" stop-opacity=".3"/>)svg"
    R"svg(<stop offset="1" stop-color="#000" stop-opacity=".5"/>)svg"};
constexpr ClassicLook kFlatSquareLook{20, 0, false, 0, ""};

//! Text and shadow colours readable on `background`.
struct TextColors {
  const char* fill;
  const char* shadow;
};

TextColors colors_for_background(const std::string& background) {
  constexpr double kBrightnessThreshold = 0.69;
  if (color_brightness(background) <= kBrightnessThreshold) return {"#fff", "#010101"};
  return {"#333", "#ccc"};
}

//! Text width at 11 px, floored and rounded up to odd for pixel-grid alignment (badge-maker).
double preferred_width(std::u32string_view text, bool bold) {
  const auto width = static_cast<long>(text_width(text, kFontSize, bold));
  return static_cast<double>(width % 2 == 0 ? width + 1 : width);
}

std::u32string accessible_text(const std::u32string& label, const std::u32string& message) {
  return label.empty() ? message : label + U": " + message;
}

std::string svg_open(double width, double height, const std::u32string& accessible) {
  const std::string text = escape_xml(accessible);
  return fmt::format(
      R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" )svg"
      R"svg(aria-label="{}"><title>{}</title>)svg",
      width, height, text, text);
}

//! Appends one text (and its shadow) of the classic layout; nothing for empty text.
void append_classic_text(std::string& out, const ClassicLook& look, double left_margin,
                         double width, const std::u32string& text, const std::string& background) {
  if (text.empty()) return;
  const TextColors colors = colors_for_background(background);
  const double x = kScale * (left_margin + 0.5 * width + kHorizPadding);
  const std::string escaped = escape_xml(text);
  if (look.shadow) {
    out +=
        fmt::format(R"svg(<text aria-hidden="true" x="{}" y="{}" fill="{}" fill-opacity=".3" )svg"
                    R"svg(transform="scale(.1)" textLength="{}">{}</text>)svg",
                    x, 150 + look.vertical_margin, colors.shadow, kScale * width, escaped);
  }
  out += fmt::format(
      R"svg(<text x="{}" y="{}" transform="scale(.1)" fill="{}" textLength="{}">{}</text>)svg", x,
      140 + look.vertical_margin, colors.fill, kScale * width, escaped);
}

std::string render_classic(const BadgeSpec& badge, const ClassicLook& look) {
  const std::u32string label = decode_badge_text(badge.label);
  const std::u32string message = decode_badge_text(badge.message);
  const std::string color = escape_xml(badge.color);
  const bool has_label = !label.empty() || badge.label_color.has_value();
  const std::string label_color =
      has_label ? escape_xml(badge.label_color.value_or(kDefaultLabelColor)) : color;

  const double label_width = label.empty() ? 0 : preferred_width(label, false);
  const double left_width = has_label ? label_width + 2 * kHorizPadding : 0;
  const double message_width = preferred_width(message, false);
  double message_margin = left_width - (message.empty() ? 0 : 1);
  if (!has_label) message_margin += 1;
  const double right_width = message_width + 2 * kHorizPadding;
  const double width = left_width + right_width;
  const double height = look.height;

  std::string out = svg_open(width, height, accessible_text(label, message));
  if (look.radius > 0) {
    out += fmt::format(
        R"svg(<linearGradient id="s" x2="0" y2="100%">{}</linearGradient>)svg"
        R"svg(<clipPath id="r"><rect width="{}" height="{}" rx="{}" fill="#fff"/></clipPath>)svg"
        R"svg(<g clip-path="url(#r)">)svg",
        look.stops, width, height, look.radius);
  } else {
    out += R"svg(<g shape-rendering="crispEdges">)svg";
  }
  out += fmt::format(R"svg(<rect width="{}" height="{}" fill="{}"/>)svg", left_width, height,
                     label_color);
  out += fmt::format(R"svg(<rect x="{}" width="{}" height="{}" fill="{}"/>)svg", left_width,
                     right_width, height, color);
  if (look.radius > 0) {
    out += fmt::format(R"svg(<rect width="{}" height="{}" fill="url(#s)"/>)svg", width, height);
  }
  out += fmt::format(R"svg(</g><g fill="#fff" text-anchor="middle" font-family="{}" )svg"
                     R"svg(text-rendering="geometricPrecision" font-size="110">)svg",
                     kFontFamily);
  append_classic_text(out, look, 1, label_width, label, label_color);
  append_classic_text(out, look, message_margin, message_width, message, color);
  out += "</g></svg>";
  return out;
}

std::string render_for_the_badge(const BadgeSpec& badge) {
  constexpr double kFontSizeCaps = 10;
  constexpr double kHeight = 28;
  constexpr double kTextMargin = 12;
  constexpr double kLetterSpacing = 1.25;
  const std::u32string label = to_upper(decode_badge_text(badge.label));
  const std::u32string message = to_upper(decode_badge_text(badge.message));
  const std::string color = escape_xml(badge.color);
  const std::string label_color = escape_xml(badge.label_color.value_or(kDefaultLabelColor));
  const auto spaced_width = [&](const std::u32string& text, bool bold) {
    if (text.empty()) return 0.0;
    return std::floor(text_width(text, kFontSizeCaps, bold)) +
           kLetterSpacing * static_cast<double>(text.size());
  };
  const double label_text_width = spaced_width(label, false);
  const double message_text_width = spaced_width(message, true);
  const bool has_label = !label.empty();
  const double label_rect_width = has_label ? 2 * kTextMargin + label_text_width : 0;
  const double message_text_min_x = label_rect_width + kTextMargin;
  const double message_rect_width = 2 * kTextMargin + message_text_width;

  std::string out =
      svg_open(label_rect_width + message_rect_width, kHeight, accessible_text(label, message));
  out += R"svg(<g shape-rendering="crispEdges">)svg";
  if (has_label) {
    out += fmt::format(R"svg(<rect width="{}" height="{}" fill="{}"/><rect x="{}" )svg",
                       label_rect_width, kHeight, label_color, label_rect_width);
  } else {
    out += "<rect ";
  }
  out += fmt::format(R"svg(width="{}" height="{}" fill="{}"/></g>)svg", message_rect_width, kHeight,
                     color);
  out += fmt::format(R"svg(<g fill="#fff" text-anchor="middle" font-family="{}" )svg"
                     R"svg(text-rendering="geometricPrecision" font-size="100">)svg",
                     kFontFamily);
  if (has_label) {
    out += fmt::format(
        R"svg(<text transform="scale(.1)" x="{}" y="175" textLength="{}" fill="{}">{}</text>)svg",
        kScale * (kTextMargin + 0.5 * label_text_width), kScale * label_text_width,
        colors_for_background(label_color).fill, escape_xml(label));
  }
  out += fmt::format(
      R"svg(<text transform="scale(.1)" x="{}" y="175" textLength="{}" fill="{}" )svg"
      R"svg(font-weight="bold">{}</text></g></svg>)svg",
      kScale * (message_text_min_x + 0.5 * message_text_width), kScale * message_text_width,
      colors_for_background(color).fill, escape_xml(message));
  return out;
}

std::string render_social(const BadgeSpec& badge) {
  constexpr double kHeight = 20;
  constexpr double kInnerHeight = 19;
  constexpr double kMessagePadding = 4;
  constexpr double kGutter = 6;
  std::u32string label = decode_badge_text(badge.label);
  if (!label.empty()) label = to_upper(label.substr(0, 1)) + label.substr(1);
  const std::u32string message = decode_badge_text(badge.message);
  const double label_text_width = preferred_width(label, true);
  const double message_text_width = preferred_width(message, true);
  const double label_rect_width = label_text_width + 2 * kHorizPadding;
  const double message_rect_width = message_text_width + 2 * kMessagePadding;
  const bool has_message = !message.empty();
  const double width = label_rect_width + 1 + (has_message ? kGutter + message_rect_width : 0);

  std::string out = svg_open(width, kHeight, accessible_text(label, message));
  out += fmt::format(
      R"svg(<linearGradient id="a" x2="0" y2="100%"><stop offset="0" stop-color="#fcfcfc" )svg"
      R"svg(stop-opacity="0"/><stop offset="1" stop-opacity=".1"/></linearGradient>)svg"
      R"svg(<g stroke="#d5d5d5"><rect stroke="none" fill="#fcfcfc" x="0.5" y="0.5" )svg"
      R"svg(width="{}" height="{}" rx="2"/>)svg",
      label_rect_width, kInnerHeight);
  const double bubble_x = label_rect_width + kGutter;
  if (has_message) {
    out +=
        fmt::format(R"svg(<rect x="{}" y="0.5" width="{}" height="{}" rx="2" fill="#fafafa"/>)svg"
                    R"svg(<rect x="{}" y="7.5" width="0.5" height="5" stroke="#fafafa"/>)svg"
                    R"svg(<path d="M{} 6.5 l-3 3v1 l3 3" stroke="#d5d5d5" fill="#fafafa"/>)svg",
                    bubble_x + 0.5, message_rect_width, kInnerHeight, bubble_x, bubble_x + 0.5);
  }
  out += fmt::format(
      R"svg(</g><g aria-hidden="true" fill="#333" text-anchor="middle" font-family="{}" )svg"
      R"svg(text-rendering="geometricPrecision" font-weight="700" font-size="110px" )svg"
      R"svg(line-height="14px"><rect id="llink" stroke="#d5d5d5" fill="url(#a)" x=".5" )svg"
      R"svg(y=".5" width="{}" height="{}" rx="2"/>)svg",
      kSocialFontFamily, label_rect_width, kInnerHeight);
  const auto append_text = [&](double x, double text_width_px, const std::u32string& text,
                               const char* id) {
    const std::string escaped = escape_xml(text);
    out += fmt::format(
        R"svg(<text aria-hidden="true" x="{}" y="150" fill="#fff" transform="scale(.1)" )svg"
        R"svg(textLength="{}">{}</text><text {}x="{}" y="140" transform="scale(.1)" )svg"
        R"svg(textLength="{}">{}</text>)svg",
        x, kScale * text_width_px, escaped, id, x, kScale * text_width_px, escaped);
  };
  append_text(kScale * (label_text_width / 2 + kHorizPadding), label_text_width, label, "");
  if (has_message) {
    append_text(kScale * (bubble_x + message_rect_width / 2), message_text_width, message,
                R"svg(id="rlink" )svg");
  }
  out += "</g></svg>";
  return out;
}

}  // namespace

std::string render_badge(const BadgeSpec& badge) {
  switch (badge.style) {
    case BadgeStyle::kFlat:
      return render_classic(badge, kFlatLook);
    case BadgeStyle::kFlatSquare:
      return render_classic(badge, kFlatSquareLook);
    case BadgeStyle::kPlastic:
      return render_classic(badge, kPlasticLook);
    case BadgeStyle::kForTheBadge:
      return render_for_the_badge(badge);
    case BadgeStyle::kSocial:
      return render_social(badge);
  }
  return render_classic(badge, kFlatLook);
}

std::string render_dot(const DotSpec& dot) {
  const std::string title = escape_xml(dot.title);
  const std::string fill = escape_xml(dot.fill);
  std::string out =
      fmt::format(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" )svg"
                  R"svg(viewBox="0 0 32 32" role="img" aria-label="{}"><title>{}</title>)svg",
                  title, title);
  if (dot.ping) {
    out += fmt::format(
        R"svg(<circle cx="16" cy="16" r="8" fill="{}" opacity="0.5">)svg"
        R"svg(<animate attributeName="r" from="8" to="16" dur="1s" repeatCount="indefinite"/>)svg"
        R"svg(<animate attributeName="opacity" from="0.5" to="0" dur="1s" )svg"
        R"svg(repeatCount="indefinite"/></circle>)svg",
        fill);
  }
  out += fmt::format(R"svg(<circle cx="16" cy="16" r="8" fill="{}"/></svg>)svg", fill);
  return out;
}

}  // namespace vigil
