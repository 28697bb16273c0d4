package monitoring_test

import "context"

// ctx is the context of every call in these tests.
var ctx = context.Background()
