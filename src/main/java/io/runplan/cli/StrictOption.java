package io.runplan.cli;

import picocli.CommandLine.Option;

/** {@code --strict}: an unknown field in the plan file is an error, not a warning; declared once for every command that reads one. */
final class StrictOption {

    @Option(names = "--strict",
            description = "Refuse a plan file that has a field runplan does not know (a misspelling), with exit code 2 "
                    + "and nothing written, instead of warning and reading on. Keys starting with x- are always allowed.")
    boolean strict;
}
