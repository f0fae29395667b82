package fr.id77.requests;

import org.springframework.core.io.InputStreamSource;

/** A file being uploaded: its name as sent, its declared size and its content (readable more than once). */
public record IncomingFile(String originalName, long size, InputStreamSource content) {}
