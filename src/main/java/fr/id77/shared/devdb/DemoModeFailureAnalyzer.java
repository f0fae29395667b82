package fr.id77.shared.devdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link DemoModeMisconfigured} into Spring Boot's short start-up report (no stack trace). */
class DemoModeFailureAnalyzer extends AbstractFailureAnalyzer<DemoModeMisconfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoModeMisconfigured cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
