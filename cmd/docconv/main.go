package main

import "os"

func main() {
	exitNow = os.Exit
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
