/**
 * Cross-script name matching: which Latin spellings a name part written in Arabic, Cyrillic, Chinese (Han), Hebrew,
 * Korean (Hangul) or Japanese Katakana corresponds to.
 *
 * <h2>Use</h2>
 *
 * <ul>
 *   <li>{@link org.concordia.matching.translit.CrossScriptModel#bundled()} loads the shipped model
 *       ({@code cross-script-model.bin.gz} beside these classes, about 3 MB): {@code latinCandidates} spells a
 *       native token in Latin, {@code score} says how likely a Latin token spells it.
 *   <li>{@link org.concordia.matching.translit.LatinNameIndex} ranks a known set of Latin tokens (the names of a
 *       node's records, a watch list) against a native token: the model generates the likeliest sound keys of the
 *       native token's spellings, the tokens under those keys are scored by the full model.
 * </ul>
 *
 * <h2>Method</h2>
 *
 * <ol>
 *   <li>Normal forms ({@code TranslitText}): Latin to lower-case ASCII letters; Chinese to pinyin initials and finals
 *       (ICU {@code Han-Latin}); Hangul to jamo; Hiragana to Katakana; Arabic and Hebrew points dropped.
 *   <li>Many-to-many alignment by EM (Jiampojamarn, Kondrak &amp; Sherif, NAACL 2007, "Applying Many-to-Many
 *       Alignments and Hidden Markov Models to Letter-to-Phoneme Conversion"): native segments of 1-2 characters
 *       against Latin substrings of 0-4 letters.
 *   <li>A joint-sequence model (Bisani &amp; Ney, Speech Communication 2008, "Joint-sequence models for
 *       grapheme-to-phoneme conversion") over those graphones, each conditioned on the native character and the
 *       Latin letter before it, Witten-Bell interpolated, re-estimated by Viterbi realignment; the 5 % of training
 *       pairs it explains worst (mismatched name parts) are dropped and the model re-estimated. A second model reads
 *       both sides right to left; a pair's joint log-probability is the mean of the two.
 *   <li>Ranking a closed set of candidates by the channel probability {@code P(native | latin) = P(native, latin) /
 *       P(latin)}, with {@code P(latin)} a character trigram model of Latin name tokens; a logistic calibration
 *       turns it into the [0, 1] score.
 * </ol>
 *
 * No whole name is looked up: the model holds only segment correspondences.
 *
 * <h2>Re-training and measuring</h2>
 *
 * The model is trained by {@link org.concordia.matching.translit.CrossScriptTrainer} from the training slices
 * {@code wd_<script>_64.tsv} of {@code shared/datasets/wikidata_name_transliteration} (about 3 minutes on 2
 * cores), and measured on the development slices {@code wd_<script>_16.tsv} by
 * {@link org.concordia.matching.translit.CrossScriptBenchmark} (also {@code ./concordia bench names}, once wired into
 * the CLI). See the class comments for the commands.
 */
package org.concordia.matching.translit;
