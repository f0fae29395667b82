package fr.id77.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the application's DataSource so a test can count the SQL statements a page runs on the current
 * thread: {@code QueryCounting.reset()}, perform the request, then {@code QueryCounting.count()}.
 * Statements on the session tables (Spring Session: one read, at most one write per request) are
 * counted apart, in {@link #sessionCount()}: they are the same on every page. So is the page cache's reading of the
 * catalogue's version (once a second in production, at every request in tests), left out of both.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryCounting {

    private static final ThreadLocal<List<String>> STATEMENTS = ThreadLocal.withInitial(ArrayList::new);

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !bean.getClass().getName().contains("ProxyDataSource")) {
                    return ProxyDataSourceBuilder.create(ds)
                            .name("counted")
                            .listener(new Recorder())
                            .build();
                }
                return bean;
            }
        };
    }

    static final class Recorder implements QueryExecutionListener {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            queryInfoList.forEach(q -> STATEMENTS.get().add(q.getQuery()));
        }
    }

    public static void reset() {
        STATEMENTS.get().clear();
    }

    /** Statements run by the page itself (session bookkeeping and the page cache's version check excluded). */
    public static long count() {
        return STATEMENTS.get().stream()
                .filter(q -> !isSession(q) && !isCacheCheck(q))
                .count();
    }

    public static long sessionCount() {
        return STATEMENTS.get().stream().filter(QueryCounting::isSession).count();
    }

    public static List<String> statements() {
        return List.copyOf(STATEMENTS.get());
    }

    private static boolean isCacheCheck(String sql) {
        return sql.equals("SELECT version FROM catalogue_version");
    }

    private static boolean isSession(String sql) {
        return sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION");
    }
}
