package fr.id77.support;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the application's DataSource so a test can count the SQL statements a page runs on the current
 * thread: {@code QueryCounting.reset()}, perform the request, then {@code QueryCounting.count()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryCounting {

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !(bean.getClass().getName().contains("ProxyDataSource"))) {
                    return ProxyDataSourceBuilder.create(ds).name("counted").countQuery().build();
                }
                return bean;
            }
        };
    }

    public static void reset() {
        QueryCountHolder.clear();
    }

    public static long count() {
        return QueryCountHolder.getGrandTotal().getTotal();
    }
}
