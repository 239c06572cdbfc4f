package cn.zhice;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Fails the build when a module reaches into another module's internals: each module's base package
 * ({@code cn.zhice.kb}, {@code cn.zhice.matching}, …) is its API, sub-packages are internal, and there are no cycles.
 */
class ModuleStructureTest {

    /** The benchmark harness (on the test classpath for the bot evaluation) drives internals on purpose; it is no module. */
    private final ApplicationModules modules = ApplicationModules.of(ZhiceApplication.class,
            JavaClass.Predicates.resideInAPackage("cn.zhice.bench.."));

    @Test
    void modulesOnlyUseEachOthersApiPackages() {
        modules.verify();
    }

    @Test
    void knowledgeBaseDependsOnNoOtherModule() {
        ApplicationModule kb = modules.getModuleByName("kb").orElseThrow();
        assertThat(kb.getAllDependencies(modules).uniqueModules().map(module -> module.getIdentifier().toString())).isEmpty();
    }
}
