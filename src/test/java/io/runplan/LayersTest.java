package io.runplan;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * The packages depend one way: domain <- solver <- io <- calendar, report, replan, bench <- cli (docs/design.md), and
 * no two packages depend on each other, directly or around a cycle.
 */
class LayersTest {

    private static final JavaClasses MAIN = importMain();

    private static JavaClasses importMain() {
        // Only runplan's own classes matter here; resolving Timefold's and Jackson's too takes seconds.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        // The compiled main classes only: scanning the class path for the package reads every dependency's jar.
        return new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void eachLayerUsesOnlyTheLayersBeforeIt() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy("io.runplan.domain..")
                .layer("solver").definedBy("io.runplan.solver..")
                .layer("io").definedBy("io.runplan.io..")
                .layer("calendar").definedBy("io.runplan.calendar..")
                .layer("report").definedBy("io.runplan.report..")
                .layer("replan").definedBy("io.runplan.replan..")
                .layer("bench").definedBy("io.runplan.bench..")
                .layer("cli").definedBy("io.runplan.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("calendar").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("calendar", "cli")
                .whereLayer("replan").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("calendar", "report", "replan", "bench", "cli")
                .whereLayer("solver").mayOnlyBeAccessedByLayers("io", "calendar", "report", "replan", "bench", "cli")
                .check(MAIN);
    }

    @Test
    void noPackageCycle() {
        SlicesRuleDefinition.slices().matching("io.runplan.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
