package fr.id77.shared.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Destructive actions are confirmed on the server, so they are confirmed without JavaScript too: a post to a
 * {@link ConfirmFirst} handler without {@code confirme=oui} never reaches the handler; it is forwarded to the
 * confirmation page (the question, the same values posted again with the confirmation, and a way back).
 */
@Component
class Confirmations implements WebMvcConfigurer, HandlerInterceptor {

    static final String PARAM = "confirme";
    static final String PAGE = "/confirmation";
    static final String ATTRIBUTE = Confirmations.class.getName();

    /** What the confirmation page shows. */
    record Question(String question, String detail, String button, String back, String action, List<Field> fields) {}

    /** A value posted again by the confirmation page. */
    record Field(String name, String value) {}

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws ServletException, IOException {
        if (handler instanceof HandlerMethod method && "POST".equals(request.getMethod())) {
            ConfirmFirst confirm = method.getMethodAnnotation(ConfirmFirst.class);
            if (confirm != null && !"oui".equals(request.getParameter(PARAM)) && !exempt(confirm, request)) {
                request.setAttribute(ATTRIBUTE, question(confirm, request));
                request.getRequestDispatcher(PAGE).forward(request, response);
                return false;
            }
        }
        return true;
    }

    private static boolean exempt(ConfirmFirst confirm, HttpServletRequest request) {
        int eq = confirm.unless().indexOf('=');
        return eq > 0
                && confirm.unless()
                        .substring(eq + 1)
                        .equals(request.getParameter(confirm.unless().substring(0, eq)));
    }

    private static Question question(ConfirmFirst confirm, HttpServletRequest request) {
        List<Field> fields = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !name.equals(PARAM)) {
                for (String value : values) {
                    fields.add(new Field(name, InputSanitizer.stripControls(value)));
                }
            }
        });
        return new Question(
                withPathVariables(confirm.value(), request),
                withPathVariables(confirm.detail(), request),
                confirm.button(),
                confirm.back(),
                request.getRequestURI().substring(request.getContextPath().length()),
                fields);
    }

    @SuppressWarnings("unchecked")
    private static String withPathVariables(String text, HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String result = text;
        if (variables instanceof Map<?, ?> map) {
            for (Map.Entry<String, String> e : ((Map<String, String>) map).entrySet()) {
                result = result.replace("{" + e.getKey() + "}", InputSanitizer.clean(e.getValue(), 40));
            }
        }
        return result;
    }
}
