package fr.id77;

import static fr.id77.account.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import fr.id77.account.CurrentUser;
import fr.id77.requests.Actor;
import fr.id77.requests.RequestWorkflow;
import fr.id77.support.Fixtures;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every POST form of the application, found from its controllers (so a new form is covered without editing this
 * test), receives hostile values field by field, signed in as the role the form is meant for, with real security
 * and CSRF: scripts, SQL, paths, very long and control-character text, wrong types, missing fields, stale versions,
 * disguised files. Never a 5xx, never a script echoed unescaped, and a refused post writes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileInputTests {

    static final String SCRIPT = "<script>alert(1)</script>";

    /** Hostile values for any field, whatever its type. */
    static final List<String> HOSTILE = List.of(
            SCRIPT,
            "\"><script>alert(1)</script>",
            "' OR '1'='1'; DROP TABLE request; --",
            "../../../../etc/passwd",
            "é".repeat(70_000),
            "nul\u0000octet",
            "\u0001\u001b[31mrouge\u007f",
            "\ud800seul\u202egnp.exe",
            "",
            "${7*7}",
            "/{x}",
            "-1",
            "99999999999999999999",
            "2026-13-45");

    /** Disguised or malformed files for any file field. */
    static final List<MockMultipartFile> FILES = List.of(
            file("devis.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}),
            file("photo.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
            file(
                    "dessin.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                            .getBytes(StandardCharsets.UTF_8)),
            file("../../../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8)),
            file("<script>alert(1)</script>.pdf", "%PDF-1.4 script".getBytes(StandardCharsets.UTF_8)),
            file("nul\u0000octet.pdf", "%PDF-1.4 nul".getBytes(StandardCharsets.UTF_8)),
            file("x".repeat(400) + ".pdf", "%PDF-1.4 long".getBytes(StandardCharsets.UTF_8)),
            file("vide.pdf", new byte[0]),
            file("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("placeholder", name, "application/octet-stream", content);
    }

    /** Tables whose rows a refused post must leave alone (sessions and sign-in attempts are not form data). */
    static final List<String> TABLES = List.of(
            "request",
            "request_event",
            "request_comment",
            "request_attachment",
            "favourite",
            "notification",
            "offer",
            "organisation",
            "collectivity",
            "technical_referent",
            "app_user",
            "account_token",
            "mail_outbox");

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestMappingHandlerMapping mappings;

    @Autowired
    RequestWorkflow workflow;

    CurrentUser member;
    CurrentUser chef;
    CurrentUser admin;
    Map<String, String> ids = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    int posts;

    @Test
    void everyFormSurvivesHostileValues() throws Exception {
        people();
        List<Form> forms = forms();
        assertThat(forms)
                .extracting(Form::path)
                .contains(
                        "/demandes",
                        "/demandes/{numero}/commentaires",
                        "/compte/identifiants",
                        "/mot-de-passe-oublie",
                        "/inscription",
                        "/compte/profil",
                        "/admin/offres/nouvelle");
        for (Form form : forms) {
            for (Map.Entry<String, Class<?>> field : form.fields().entrySet()) {
                for (String value : HOSTILE) {
                    post(form, field.getKey(), value, null);
                }
                post(form, field.getKey(), null, null); // missing
            }
            for (String fileField : form.files()) {
                for (MockMultipartFile f : FILES) {
                    post(
                            form,
                            null,
                            null,
                            new MockMultipartFile(
                                    fileField, f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                }
            }
            for (String variable : variables(form.path())) {
                for (String value : List.of("abc", "-1", "99999999999999999999", SCRIPT, "..%2F..%2Fetc")) {
                    post(form.withVariable(variable, value), null, null, null);
                }
            }
        }
        Files.write(Path.of("target", "hostile-input-failures.txt"), failures);
        assertThat(failures).as("%d posts, %d failures", posts, failures.size()).isEmpty();
        assertThat(posts).isGreaterThanOrEqualTo(500);
    }

    private void people() {
        Fixtures f = new Fixtures(jdbc);
        Fixtures.Collectivity commune = f.collectivity("Commune d'Hostile", "Melun");
        member = f.adherent(commune, "Hélène");
        chef = f.chefDeFile("Hector");
        admin = f.admin("Hugo");
        f.lead("O36", chef);
        long offerId = jdbc.sql("SELECT id FROM offer WHERE code = 'O36'")
                .query(Long.class)
                .single();
        int numero = workflow.file(Actor.adherent(member.id(), commune.id()), offerId, chef.id(), commune.referentId());
        ids.put("numero", String.valueOf(numero));
        ids.put("code", "O36");
        ids.put("/compte/referents/", String.valueOf(commune.secondReferentId()));
        ids.put("/admin/comptes/", String.valueOf(f.chefDeFile("Jetable").id()));
        long other = f.collectivity("Commune Jetable", "Provins").id();
        ids.put("/admin/adhesions/", String.valueOf(other));
        ids.put("/admin/collectivites/", String.valueOf(other));
        ids.put(
                "/admin/organismes/",
                String.valueOf(jdbc.sql("INSERT INTO organisation (slug, name, kind) VALUES (:s, 'Organisme jetable', "
                                + "'PARTENAIRE') RETURNING id")
                        .param("s", "jetable-" + System.nanoTime())
                        .query(Long.class)
                        .single()));
        ids.put("id", "999999999");
    }

    record Form(String path, Map<String, Class<?>> fields, List<String> files, Map<String, String> overrides) {
        Form withVariable(String name, String value) {
            Map<String, String> o = new LinkedHashMap<>(overrides);
            o.put(name, value);
            return new Form(path, fields, files, o);
        }
    }

    /** Every POST handler of the application with the fields it binds, plus the sign-in form of Spring Security. */
    private List<Form> forms() {
        List<Form> forms = new ArrayList<>();
        forms.add(new Form(
                "/connexion",
                new LinkedHashMap<>(Map.of("identifiant", String.class, "motDePasse", String.class)),
                List.of(),
                Map.of()));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            if (!e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            Map<String, Class<?>> fields = new LinkedHashMap<>();
            List<String> files = new ArrayList<>();
            for (MethodParameter p : e.getValue().getMethodParameters()) {
                Class<?> type = p.getParameterType();
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (p.hasParameterAnnotation(PathVariable.class)) {
                    continue;
                }
                if (MultipartFile.class.isAssignableFrom(type)
                        || (Collection.class.isAssignableFrom(type)
                                && elementType(p.getGenericParameterType()) == MultipartFile.class)) {
                    files.add(rp != null && !rp.name().isEmpty() ? rp.name() : p.getParameterName());
                } else if (rp != null) {
                    String name = !rp.name().isEmpty()
                            ? rp.name()
                            : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                    fields.put(
                            name,
                            Collection.class.isAssignableFrom(type) ? elementType(p.getGenericParameterType()) : type);
                } else if (type.isRecord() && p.hasParameterAnnotation(ModelAttribute.class)) {
                    recordFields(type, "", fields);
                }
            }
            for (String path : e.getKey().getPatternValues()) {
                forms.add(new Form(path, fields, files, Map.of()));
            }
        }
        forms.sort(Comparator.comparing(Form::path));
        return forms;
    }

    private static void recordFields(Class<?> type, String prefix, Map<String, Class<?>> fields) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType().isRecord()) {
                recordFields(c.getType(), prefix + c.getName() + ".", fields);
            } else {
                fields.put(
                        prefix + c.getName(),
                        Collection.class.isAssignableFrom(c.getType()) ? elementType(c.getGenericType()) : c.getType());
            }
        }
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return String.class;
    }

    private static List<String> variables(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Posts the form with every field valid except {@code field} set to {@code value} (omitted when null). */
    private void post(Form form, String field, String value, MockMultipartFile file) throws Exception {
        String uri = form.path();
        for (String variable : variables(form.path())) {
            String v = form.overrides().getOrDefault(variable, idFor(form.path(), variable));
            uri = uri.replace(
                    "{" + variable + "}",
                    URLEncoder.encode(v, StandardCharsets.UTF_8).replace("%25", "%"));
        }
        MockMultipartHttpServletRequestBuilder request = multipart(URI.create(uri));
        for (Map.Entry<String, Class<?>> f : form.fields().entrySet()) {
            if (f.getKey().equals(field)) {
                if (value != null) {
                    request.param(f.getKey(), value);
                }
            } else {
                String valid = valid(form.path(), f.getKey(), f.getValue());
                if (valid != null) {
                    request.param(f.getKey(), valid);
                }
            }
        }
        if (file != null) {
            request.file(file);
        }
        request.param("confirme", "oui"); // past the confirmation page of destructive actions, to reach their handler
        request.with(csrf()).with(r -> {
            r.setRemoteAddr("10.77." + (SEQ.get() / 250 % 250) + "." + (SEQ.get() % 250 + 1));
            return r;
        });
        CurrentUser who = role(form.path());
        if (who != null) {
            request.with(as(who));
        }
        String before = rowCounts();
        posts++;
        SEQ.incrementAndGet();
        String what = form.path() + " [" + abbreviate(uri) + "] "
                + (file != null
                        ? "file " + abbreviate(file.getOriginalFilename())
                        : field == null ? "(path)" : field + "=" + abbreviate(value));
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } catch (Exception e) { // what MockMvc rethrows is a 500 on a real server
            failures.add("500 " + what + " " + abbreviate(String.valueOf(e.getMessage())));
            return;
        }
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (status >= 500) {
            failures.add(status + " " + what);
        }
        if (body.contains(SCRIPT) || body.contains("<svg xmlns")) {
            failures.add("script echoed " + what);
        }
        var flash = result.getFlashMap();
        boolean refused = status == 200
                || status >= 400
                || (flash != null && (flash.containsKey("error") || flash.containsKey("failure")));
        if (refused && !before.equals(rowCounts())) {
            failures.add("refused (" + status + ") but wrote rows " + before + " -> " + rowCounts() + " " + what);
        }
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "(absent)";
        }
        String v = value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value;
        return v.replaceAll("\\p{Cntrl}", "^").replaceAll("\\p{Cs}", "?");
    }

    private String idFor(String path, String variable) {
        for (Map.Entry<String, String> e : ids.entrySet()) {
            if (e.getKey().startsWith("/") && path.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return ids.getOrDefault(variable, "999999999");
    }

    private CurrentUser role(String path) {
        if (path.startsWith("/admin")) {
            return admin;
        }
        if (path.startsWith("/inscription") || path.startsWith("/mot-de-passe") || path.equals("/connexion")) {
            return null;
        }
        if (path.endsWith("/statut") || path.endsWith("/responsable")) {
            return chef;
        }
        return member;
    }

    /** A value the form accepts for this field, so that the hostile value of another field is what gets judged. */
    private String valid(String path, String name, Class<?> type) {
        int n = SEQ.get();
        String leaf = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[type.getEnumConstants().length - 1]).name();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (type == LocalDate.class) {
            return "2026-06-15";
        }
        if (leaf.equals("version")) {
            return "0";
        }
        if (leaf.equals("referent")) {
            return jdbc.sql("SELECT min(id) FROM technical_referent WHERE collectivity_id = :c AND removed_at IS NULL")
                    .param("c", member.collectivityId())
                    .query(String.class)
                    .optional()
                    .orElse("1");
        }
        if (leaf.equals("responsable")) {
            return String.valueOf(chef.id());
        }
        if (leaf.equals("repondA".toLowerCase(Locale.ROOT)) || leaf.equals("retour")) {
            return null;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "1";
        }
        if (leaf.contains("email")) {
            return "hostile" + n + "@example.fr";
        }
        if (leaf.contains("phone")) {
            return "01 60 90 89 90";
        }
        if (leaf.equals("siret")) {
            return "21770288500019";
        }
        if (leaf.equals("population")) {
            return "3400";
        }
        if (leaf.equals("identifiant") || leaf.equals("login")) {
            return path.equals("/connexion") ? member.identifiant() : "hostile" + n;
        }
        if (leaf.contains("password")
                || leaf.equals("confirmation")
                || leaf.equals("current")
                || leaf.equals("motdepasse")) {
            return "cheval agrafe pile correct";
        }
        if (leaf.equals("website")) {
            return "https://www.example.fr";
        }
        if (leaf.equals("statut")) {
            return "EN_COURS";
        }
        if (leaf.equals("offre") || leaf.equals("code")) {
            return "O36";
        }
        return "Texte ordinaire " + n;
    }

    private String rowCounts() {
        StringBuilder sql = new StringBuilder("SELECT concat_ws(','");
        for (String table : TABLES) {
            sql.append(", (SELECT count(*) FROM ").append(table).append(")");
        }
        return jdbc.sql(sql.append(")").toString()).query(String.class).single();
    }
}
