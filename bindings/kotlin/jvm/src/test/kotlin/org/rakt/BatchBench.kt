package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import java.io.File
import java.math.BigDecimal
import java.time.LocalDate
import kotlin.random.Random

/**
 * Batch calls against per-record calls, for ANC records (`assessPregnancies` / `assessPregnancy`,
 * and `decidePregnancies`, the same decisions without their explanation, on the same records)
 * and donor checks (`assessDonors` / `assessDonor`). Not part of `mvn test`: tagged `bench`, which
 * the pom excludes unless `-Drakt.bench.excluded=none`; run it with `bindings/kotlin/bench.sh`
 * (release build of the library).
 *
 * System properties: `rakt.bench.records` (default 1,000,000 per function and per way),
 * `rakt.bench.chunk` (records per batch call, default 10,000), `rakt.bench.sweep` (chunk sizes
 * measured on `rakt.bench.sweep.records` ANC records, default `100,1000,10000,100000` on 200,000;
 * empty for none), `rakt.bench.out` (a markdown file for the results).
 *
 * The records are a pool of 10,000 distinct valid generated records (seeded), cycled: 1,000,000
 * records never live in memory at once. Every row's result is folded into a checksum, which must be
 * the same both ways (the batch rows are the per-record results).
 */
@Tag("bench")
class BatchBench {
    private val today = LocalDate.of(2026, 11, 23)
    private val records = Integer.getInteger("rakt.bench.records", 1_000_000)
    private val chunk = Integer.getInteger("rakt.bench.chunk", 10_000)
    private val sweep = System.getProperty("rakt.bench.sweep", "100,1000,10000,100000")
        .split(',').map { it.trim() }.filter { it.isNotEmpty() }.map { it.toInt() }
    private val sweepRecords = Integer.getInteger("rakt.bench.sweep.records", 200_000)
    private val poolSize = 10_000
    private val out = StringBuilder()

    private fun say(line: String) {
        println(line)
        out.append(line).append('\n')
    }

    private fun dec(r: Random, lo: Int, hi: Int) = BigDecimal.valueOf(r.nextInt(lo, hi).toLong(), 1)

    private fun ancPool(): List<AncRecord> {
        val r = Random(7)
        val groups = listOf("O+", "O-", "A+", "B+", "B-", "AB+").map { parseBloodGroup(it) }
        return List(poolSize) { i ->
            val gravida = r.nextInt(1, 6)
            val systolic = r.nextInt(95, 170)
            val diastolic = r.nextInt(55, systolic - 10)
            AncRecord(
                id = "ANC-$i",
                ageYears = r.nextInt(16, 44),
                heightCm = dec(r, 1400, 1720),
                weightKg = dec(r, 380, 900),
                gravida = gravida,
                parity = r.nextInt(0, gravida),
                lmp = today.minusDays(r.nextLong(30, 290)),
                fetuses = if (r.nextInt(30) == 0) 2 else 1,
                presentation = Presentation.entries.random(r),
                hbGDl = dec(r, 60, 140),
                bp = BloodPressure(systolic, diastolic),
                bpRepeat = if (r.nextBoolean()) BloodPressure(systolic - 2, diastolic - 2) else null,
                urineProtein = UrineProtein.entries.random(r),
                bloodGroup = groups.random(r),
                hiv = SerologyResult.NEGATIVE,
                syphilis = SerologyResult.NEGATIVE,
                conditions = if (r.nextInt(8) == 0) listOf(KnownCondition.entries.random(r)) else listOf(),
            )
        }
    }

    private fun donorPool(): List<DonorRequest> {
        val r = Random(7)
        return List(poolSize) { i ->
            val sex = if (r.nextBoolean()) Sex.MALE else Sex.FEMALE
            DonorRequest(
                Donor(
                    dateOfBirth = today.minusYears(r.nextLong(18, 65)).minusDays(r.nextLong(0, 365)),
                    sex = sex,
                    previousDonations = if (r.nextInt(2) == 0) {
                        listOf(PreviousDonation(today.minusDays(r.nextLong(20, 700)), DonationKind.WHOLE_BLOOD_450))
                    } else {
                        listOf()
                    },
                    deferralEvents = if (r.nextInt(10) == 0) {
                        listOf(DeferralEvent(DeferralKind.TATTOO, today.minusDays(r.nextLong(10, 800))))
                    } else {
                        listOf()
                    },
                    id = "D-$i",
                ),
                DonorChecks(
                    weightKg = dec(r, 420, 950),
                    hbGDl = dec(r, 110, 170),
                    systolicMmhg = r.nextInt(100, 165),
                    diastolicMmhg = r.nextInt(60, 100),
                    pulseBpm = r.nextInt(55, 105),
                    temperatureC = dec(r, 362, 376),
                ),
                if (r.nextInt(5) == 0) DonationKind.WHOLE_BLOOD_350 else DonationKind.WHOLE_BLOOD_450,
            )
        }
    }

    private fun pregnancySum(a: PregnancyAssessment): Long = a.riskLevel.ordinal + 7L * a.flags.size + 31L * a.referral.level.ordinal

    /** [pregnancySum] of the decision: the same value for the same record. */
    private fun decisionSum(d: PregnancyDecision): Long = d.riskLevel.ordinal + 7L * d.codes.size + 31L * d.referralLevel.ordinal

    private fun donorSum(a: DonorAssessment): Long = (if (a.eligible) 1L else 0L) + 3L * a.reasons.size + 17L * (a.nextEligible?.toEpochDay() ?: 0L)

    private class Timing(val records: Int, val seconds: Double, val checksum: Long) {
        val perSecond get() = records / seconds
        val microsPerRecord get() = seconds * 1e6 / records
    }

    private fun <T> perItem(pool: List<T>, n: Int, call: (T) -> Long): Timing {
        var sum = 0L
        val start = System.nanoTime()
        for (i in 0 until n) sum += call(pool[i % pool.size])
        return Timing(n, (System.nanoTime() - start) / 1e9, sum)
    }

    private fun <T> batched(pool: List<T>, n: Int, size: Int, call: (List<T>) -> Long): Timing {
        // chunks are views of the pool when they fit, else the pool repeated
        val chunks = if (size <= pool.size) pool.chunked(size) else listOf(List(size) { pool[it % pool.size] })
        var sum = 0L
        var done = 0
        var c = 0
        val start = System.nanoTime()
        while (done < n) {
            val next = chunks[c++ % chunks.size].let { if (n - done < it.size) it.subList(0, n - done) else it }
            sum += call(next)
            done += next.size
        }
        return Timing(n, (System.nanoTime() - start) / 1e9, sum)
    }

    private fun pregnancyRows(rows: List<PregnancyRow>): Long = rows.sumOf {
        when (it) {
            is PregnancyRow.Ok -> pregnancySum(it.value)
            is PregnancyRow.Err -> throw it.error
        }
    }

    private fun decisionRows(rows: List<PregnancyDecisionRow>): Long = rows.sumOf {
        when (it) {
            is PregnancyDecisionRow.Ok -> decisionSum(it.value)
            is PregnancyDecisionRow.Err -> throw it.error
        }
    }

    private fun donorRows(rows: List<DonorRow>): Long = rows.sumOf {
        when (it) {
            is DonorRow.Ok -> donorSum(it.value)
            is DonorRow.Err -> throw it.error
        }
    }

    private fun row(what: String, way: String, t: Timing) =
        say("| $what | $way | ${"%,d".format(t.records)} | ${"%.1f".format(t.seconds)} | ${"%,.0f".format(t.perSecond)} | ${"%.1f".format(t.microsPerRecord)} |")

    /**
     * Where one trivial call's time goes: the pieces of `parseBloodGroup` (one string lowered into a
     * `RustBuffer`, one call with a `UniffiRustCallStatus`, the result lifted and its buffer freed),
     * each timed alone over as many calls as `parseBloodGroup`, after the same warm-up. They use
     * the generated `internal` declarations (visible here: the tests are in the same module).
     *
     * - a direct-mapped JNA call with no argument and no structure (a checksum function);
     * - allocating the Structures one call allocates (`uniffiRustCall*` makes a
     *   `UniffiRustCallStatus()` per FFI call; `.ByValue()` as well; JNA makes a
     *   `RustBuffer.ByValue` for every `RustBuffer` returned);
     * - `RustBuffer.alloc` + `RustBuffer.free`: two FFI calls passing structures, each with its own
     *   new status; then the same two raw calls with one status reused (no Structure allocated by
     *   us, only JNA's marshalling of the status and the by-value buffer);
     * - `FfiConverterString.lower` (UTF-8 encoding, `RustBuffer.alloc`, copy) + `RustBuffer.free`;
     * - the raw `parse_blood_group` FFI call with its lowered argument, the result buffer freed
     *   unread: `parseBloodGroup` without the lift (reading the record).
     */
    private fun callParts(texts: List<String>, warm: Int) {
        val parts = listOf<Pair<String, (String) -> Long>>(
            "JNA call, no args/structures" to { _: String ->
                IntegrityCheckingUniffiLib.uniffi_rakt_ffi_checksum_func_parse_blood_group().toLong()
            },
            "new UniffiRustCallStatus()" to { _: String -> UniffiRustCallStatus().code.toLong() },
            "new UniffiRustCallStatus.ByValue()" to { _: String -> UniffiRustCallStatus.ByValue().code.toLong() },
            "new RustBuffer.ByValue()" to { _: String -> RustBuffer.ByValue().len },
            "RustBuffer.alloc(16) + free" to { _: String ->
                val b = RustBuffer.alloc(16UL)
                val c = b.capacity
                RustBuffer.free(b)
                c
            },
            "rustbuffer_alloc + _free, status reused" to run {
                val status = UniffiRustCallStatus()
                val f: (String) -> Long = { _ ->
                    val b = UniffiLib.ffi_rakt_ffi_rustbuffer_alloc(16L, status)
                    check(status.isSuccess())
                    val c = b.capacity
                    UniffiLib.ffi_rakt_ffi_rustbuffer_free(b, status)
                    check(status.isSuccess())
                    c
                }
                f
            },
            "FfiConverterString.lower + free" to { t: String ->
                val b = FfiConverterString.lower(t)
                val n = b.len
                RustBuffer.free(b)
                n
            },
            "parse_blood_group raw + free (no lift)" to { t: String ->
                val status = UniffiRustCallStatus()
                val b = UniffiLib.uniffi_rakt_ffi_fn_func_parse_blood_group(FfiConverterString.lower(t), status)
                check(status.isSuccess())
                val n = b.len
                RustBuffer.free(b)
                n
            },
        )
        for ((name, call) in parts) {
            perItem(texts, warm, call)
            row(name, "per call (part)", perItem(texts, records, call))
        }
    }

    @Test
    fun batchVersusPerItem() {
        val anc = ancPool()
        val donors = donorPool()
        val warm = minOf(records, 20_000)
        say("Java ${System.getProperty("java.version")} (${System.getProperty("java.vm.name")}), " +
            "${Runtime.getRuntime().availableProcessors()} processors, max heap ${Runtime.getRuntime().maxMemory() / (1 shl 20)} MB; " +
            "pool of $poolSize distinct records cycled; batch chunk ${"%,d".format(chunk)} records per call; " +
            "warm-up ${"%,d".format(warm)} records each way before timing.")
        say("")
        say("| function | way | records | seconds | records/s | µs/record |")
        say("|---|---|---:|---:|---:|---:|")

        // warm-up (JIT, class loading, the India policy built once)
        perItem(anc, warm) { pregnancySum(assessPregnancy(it, today)) }
        batched(anc, warm, chunk) { pregnancyRows(assessPregnancies(it, today)) }
        batched(anc, warm, chunk) { decisionRows(decidePregnancies(it, today)) }
        perItem(donors, warm) { donorSum(assessDonor(it.donor, it.checks, it.kind, today)) }
        batched(donors, warm, chunk) { donorRows(assessDonors(it, today)) }

        val ratios = mutableListOf<String>()
        val pOne = perItem(anc, records) { pregnancySum(assessPregnancy(it, today)) }
        row("assessPregnancy", "per record", pOne)
        val pBatch = batched(anc, records, chunk) { pregnancyRows(assessPregnancies(it, today)) }
        row("assessPregnancies", "batch of ${"%,d".format(chunk)}", pBatch)
        assertEquals(pOne.checksum, pBatch.checksum, "the same results both ways")
        ratios += "assessPregnancies: %.2f× the throughput of assessPregnancy".format(pBatch.perSecond / pOne.perSecond)
        // A trivial call (a short string in, a small record out): the cost of one call through
        // the FFI on this machine, whatever the rule.
        val texts = listOf("O+", "A-", "B+", "AB-")
        perItem(texts, warm) { parseBloodGroup(it).hashCode().toLong() }
        val trivial = perItem(texts, records) { parseBloodGroup(it).hashCode().toLong() }
        row("parseBloodGroup", "per call (trivial)", trivial)
        callParts(texts, warm)
        // The per-record call without the explanation: what crossing the FFI costs when the
        // result is small (the floor under assessPregnancy's per-record time).
        perItem(anc, warm) { decisionSum(decidePregnancy(it, today)) }
        val pOneDecide = perItem(anc, records) { decisionSum(decidePregnancy(it, today)) }
        row("decidePregnancy", "per record", pOneDecide)
        assertEquals(pOne.checksum, pOneDecide.checksum, "the same decisions per record")
        val pDecide = batched(anc, records, chunk) { decisionRows(decidePregnancies(it, today)) }
        row("decidePregnancies", "batch of ${"%,d".format(chunk)}", pDecide)
        assertEquals(pOne.checksum, pDecide.checksum, "the same decisions as the assessments")
        ratios += "decidePregnancies: %.2f× the throughput of assessPregnancies (same records, same chunks)".format(pDecide.perSecond / pBatch.perSecond)

        val dOne = perItem(donors, records) { donorSum(assessDonor(it.donor, it.checks, it.kind, today)) }
        row("assessDonor", "per record", dOne)
        val dBatch = batched(donors, records, chunk) { donorRows(assessDonors(it, today)) }
        row("assessDonors", "batch of ${"%,d".format(chunk)}", dBatch)
        assertEquals(dOne.checksum, dBatch.checksum, "the same results both ways")
        ratios += "assessDonors: %.2f× the throughput of assessDonor".format(dBatch.perSecond / dOne.perSecond)

        say("")
        for (r in ratios) say("- $r")

        if (sweep.isNotEmpty()) {
            say("")
            say("Chunk size (ANC records, ${"%,d".format(sweepRecords)} per size):")
            say("")
            say("| function | way | records | seconds | records/s | µs/record |")
            say("|---|---|---:|---:|---:|---:|")
            for (size in sweep) {
                row("assessPregnancies", "batch of ${"%,d".format(size)}", batched(anc, sweepRecords, size) { pregnancyRows(assessPregnancies(it, today)) })
            }
        }

        System.getProperty("rakt.bench.out")?.takeIf { it.isNotEmpty() }?.let { path ->
            File(path).also { it.parentFile?.mkdirs() }.writeText(out.toString())
        }
    }
}
