// Two translation units include every header and are linked into one program: a missing `inline`
// on a function or variable defined in a header is a duplicate-symbol error at link time.
#include <runwise/all.hpp>

double first_quote() { return runwise::aws_lambda::quote({.requests_per_month = 3e6}, {}).total().value(); }
