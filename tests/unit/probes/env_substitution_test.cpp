#include "core/env_substitution.hpp"

#include <gtest/gtest.h>

#include <map>

namespace vigil {
namespace {

EnvLookup fake_env() {
  static const std::map<std::string, std::string> values{
      {"TOKEN", "s3cret"}, {"HOST", "db.internal"}, {"_X1", "x"}, {"EMPTY", ""}};
  return [](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(EnvSubstitutionTest, ReplacesEveryReference) {
  EXPECT_EQ(substitute_env("https://$HOST/x?t=$TOKEN", fake_env()),
            "https://db.internal/x?t=s3cret");
  EXPECT_EQ(substitute_env("Bearer $TOKEN", fake_env()), "Bearer s3cret");
  EXPECT_EQ(substitute_env("$_X1$_X1", fake_env()), "xx");
  EXPECT_EQ(substitute_env("[$EMPTY]", fake_env()), "[]");
}

TEST(EnvSubstitutionTest, NameEndsAtTheFirstNonNameCharacter) {
  EXPECT_EQ(substitute_env("$HOST:5432/$TOKEN-2", fake_env()), "db.internal:5432/s3cret-2");
}

TEST(EnvSubstitutionTest, UnsetVariablesStayAsWritten) {
  EXPECT_EQ(substitute_env("a $MISSING b", fake_env()), "a $MISSING b");
}

TEST(EnvSubstitutionTest, DollarsThatStartNoNameStay) {
  EXPECT_EQ(substitute_env("cost: 5$ or $1 or $", fake_env()), "cost: 5$ or $1 or $");
}

TEST(EnvSubstitutionTest, DoubleDollarIsALiteralDollar) {
  EXPECT_EQ(substitute_env("$$TOKEN", fake_env()), "$TOKEN");
  EXPECT_EQ(substitute_env("a$$$TOKEN", fake_env()), "a$s3cret");
}

TEST(EnvSubstitutionTest, ProcessEnvironmentReadsRealVariables) {
  ::setenv("VIGIL_ENV_SUBSTITUTION_TEST", "on", 1);
  EXPECT_EQ(substitute_env("$VIGIL_ENV_SUBSTITUTION_TEST", process_environment()), "on");
  ::unsetenv("VIGIL_ENV_SUBSTITUTION_TEST");
  EXPECT_EQ(substitute_env("$VIGIL_ENV_SUBSTITUTION_TEST", process_environment()),
            "$VIGIL_ENV_SUBSTITUTION_TEST");
}

}  // namespace
}  // namespace vigil
