package ai.jorge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture of DEVELOPERS.md, checked on the compiled classes. */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.jorge");
  }

  @Test
  void only_the_web_edge_knows_javalin() {
    noClasses()
        .that()
        .resideOutsideOfPackage("ai.jorge.web..")
        .and()
        .haveSimpleNameNotEndingWith("Routes")
        .and()
        .doNotHaveSimpleName("WebSocketHub")
        .and()
        .doNotHaveSimpleName("StaticAssets")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.javalin..")
        .because("services never import Javalin; routes are the edge")
        .check(main);
  }

  @Test
  void extraction_and_bot_rules_are_plain_java_without_io() {
    noClasses()
        .that()
        .resideInAPackage("ai.jorge.conversation.extract..")
        .or()
        .haveSimpleNameEndingWith("Bot")
        .or()
        .haveSimpleName("ConversationEngine")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "java.sql..", "io.javalin..", "java.net..", "io.lettuce..")
        .check(main);
  }

  @Test
  void the_model_core_is_plain_java_without_io() {
    noClasses()
        .that()
        .haveSimpleName("LeadModel")
        .or()
        .haveSimpleName("FeatureExtractor")
        .or()
        .haveSimpleName("Evaluation")
        .or()
        .haveSimpleName("ModelTrainer")
        .or()
        .haveSimpleName("SyntheticLeads")
        .or()
        .haveSimpleName("PromotionPolicy")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "java.sql..", "io.javalin..", "io.lettuce..")
        .check(main);
  }

  @Test
  void there_are_no_static_singletons() {
    fields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("ai.jorge..")
        .and()
        .areStatic()
        .should()
        .beFinal()
        .because("App wires everything; mutable static state would bypass it")
        .check(main);
  }

  @Test
  void no_class_is_named_impl() {
    classes()
        .that()
        .resideInAPackage("ai.jorge..")
        .should()
        .haveSimpleNameNotEndingWith("Impl")
        .check(main);
  }

  @Test
  void every_service_is_a_final_class_or_record() {
    classes()
        .that()
        .implement(Service.class)
        .and()
        .areNotInterfaces()
        .and()
        .areNotAnonymousClasses()
        .should()
        .haveModifier(JavaModifier.FINAL)
        .check(main);
  }
}
