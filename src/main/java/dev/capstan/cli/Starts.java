package dev.capstan.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation type a command starts: its options named as the operation's words take their help and
 * defaults from the operation's declaration ({@link DeclaredOptions}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface Starts {
    /** The operation type's name, such as {@code service.scale}. */
    String value();
}
