// Package figures finds the figures of a document — amounts of money,
// percentages, years, dates, counts, ordinals, durations and quantities —
// and returns them as [convert.Figure] values with an exact number, a
// normalized unit and the sentence they came from.
package figures
