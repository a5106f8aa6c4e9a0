// Hand-written additions to the generated bindings (target/generated-sources/uniffi).
// Translation only: every function here calls the Rust library; no rule lives in Kotlin.
package org.rakt

/**
 * Parse a blood group as written in real records (`O+`, `O POS`, `o neg`, `AB-Ve`,
 * `O Rh positive`, `A2B+`, `O+ weak D`, `Bombay`, ...): the same as [parseBloodGroup].
 *
 * @throws RaktException.InvalidBloodGroup quoting the input when it is not a blood group.
 */
@Throws(RaktException::class)
fun BloodGroup.Companion.parse(text: String): BloodGroup = parseBloodGroup(text)

/**
 * The refusal of a string that cannot cross to Rust: one with a lone surrogate (half of a UTF-16
 * pair), which has no UTF-8 form. The generated string converter throws it
 * (`bindings/kotlin/generate.sh`), so that a malformed string is a [RaktException], not a
 * `java.nio.charset.MalformedInputException`. The argument is not known there: the field is
 * `text`, and the reason gives the 0-based index of the lone half.
 */
internal fun invalidText(value: String): RaktException {
    val at = value.indices.firstOrNull { i ->
        val c = value[i]
        (c.isHighSurrogate() && (i + 1 >= value.length || !value[i + 1].isLowSurrogate())) ||
            (c.isLowSurrogate() && (i == 0 || !value[i - 1].isHighSurrogate()))
    } ?: -1
    return RaktException.InvalidInput(
        "text",
        "a string with a lone surrogate at index $at is not text (it has no UTF-8 form)",
    )
}
