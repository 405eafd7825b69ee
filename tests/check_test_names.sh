#!/bin/sh
# Every Catch2 test case is one CTest entry that runs it. catch_discover_tests reads
# `lp_tests --list-test-names-only` as a CMake list, so a ';' in a name splits the case into
# entries that match nothing; Catch2 reads a '\' in a filter as an escape and a name that
# starts with '-' as an option; blanks at either end do not survive the filter. Fails, listing them, if any name holds one.
# Usage: check_test_names.sh LP_TESTS
tests="$1"
# The listing's exit status is the number of cases (modulo 256), so it is not checked; an
# empty listing is.
names=$("$tests" --list-test-names-only)
count=$(printf '%s\n' "$names" | grep -c .)
if [ "$count" -eq 0 ]; then
    echo "$tests listed no test cases"
    exit 1
fi
bad=$(printf '%s\n' "$names" | grep -nE '[;\\]|^[[:space:]]|^-|[[:space:]]$')
if [ -n "$bad" ]; then
    echo "Test case names that CTest cannot run as one entry (';', '\\', a leading '-', or blanks at either end):"
    printf '%s\n' "$bad"
    exit 1
fi
echo "$count test case names, none with ';', '\\' or blanks at either end"
