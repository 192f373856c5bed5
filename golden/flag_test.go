package golden_test

import "flag"

func flagSet(name, value string) error { return flag.Set(name, value) }
