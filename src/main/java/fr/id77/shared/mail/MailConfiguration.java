package fr.id77.shared.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled outbox sender. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {}
