package dev.capstan.ui.common;

import dev.capstan.ops.OperationType;
import dev.capstan.ops.Parameter;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/** A form field that is one of an operation's words says what it means as the declaration says it: the CLI's help, word for word. */
public final class Explained {
    private Explained() {
    }

    public static void by(OperationType<?> operation, Control field, String word) {
        operation.parameter(word).map(Parameter::help).map(Tooltip::new).ifPresent(field::setTooltip);
    }
}
