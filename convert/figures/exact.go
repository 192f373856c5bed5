package figures

import (
	"math"
	"math/big"
	"strconv"
)

// maxExp bounds the size of a number the grammar accepts: a value of 10^48
// or more (a numeral of absurd length, 万万万… chained thousands of times, a
// huge exponent) is "too large" and is not a figure, rather than a wrong
// value.
const maxExp = 48

// dec is an exact decimal m × 10^e. A value that does not fit (more than 18
// significant digits, or 10^maxExp and beyond) is marked big: too large or
// too precise to be stated exactly, and never turned into a figure.
type dec struct {
	m   int64
	e   int32
	big bool
}

var pow10i = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
	1e17, 1e18}

func decInt(n int64) dec { return dec{m: n} }

func (d dec) isZero() bool { return d.m == 0 && !d.big }

// norm drops trailing zeros of the mantissa into the exponent.
func (d dec) norm() dec {
	if d.big {
		return dec{big: true}
	}
	if d.m == 0 {
		return dec{}
	}
	for d.m%10 == 0 {
		d.m /= 10
		d.e++
	}
	if d.e >= maxExp || d.e+int32(digitCount(d.m)) > maxExp {
		return dec{big: true}
	}
	return d
}

func digitCount(m int64) int {
	if m < 0 {
		m = -m
	}
	n := 1
	for m >= 10 {
		m /= 10
		n++
	}
	return n
}

// mulPow10 returns d × 10^k.
func (d dec) mulPow10(k int) dec {
	if d.big || d.m == 0 {
		return d
	}
	if k > maxExp || int(d.e)+k > maxExp {
		return dec{big: true}
	}
	d.e += int32(k)
	return d.norm()
}

// mulInt returns d × k.
func (d dec) mulInt(k int64) dec {
	if d.big {
		return d
	}
	if k == 0 || d.m == 0 {
		return dec{}
	}
	p := d.m * k
	if p/k != d.m || abs64(p) > 1e18 {
		return dec{big: true}
	}
	d.m = p
	return d.norm()
}

// mul returns d × o.
func (d dec) mul(o dec) dec {
	if d.big || o.big {
		return dec{big: true}
	}
	return d.mulInt(o.m).mulPow10(int(o.e))
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// add returns d + o.
func (d dec) add(o dec) dec {
	if d.big || o.big {
		return dec{big: true}
	}
	if o.m == 0 {
		return d.norm()
	}
	if d.m == 0 {
		return o.norm()
	}
	if d.e < o.e {
		d, o = o, d
	}
	// d has the larger exponent: scale its mantissa down to o's exponent.
	k := int(d.e - o.e)
	if k > 18 {
		return dec{big: true}
	}
	m := d.m * pow10i[k]
	if m/pow10i[k] != d.m || abs64(m) > 1e18 {
		return dec{big: true}
	}
	s := m + o.m
	if abs64(s) > 1e18 {
		return dec{big: true}
	}
	return dec{m: s, e: o.e}.norm()
}

func (d dec) neg() dec { d.m = -d.m; return d }

// float returns the float64 nearest to d.
func (d dec) float() float64 {
	if d.big {
		return math.NaN()
	}
	if d.m == 0 {
		return 0
	}
	if abs64(d.m) < 1<<53 {
		switch {
		case d.e >= 0 && d.e <= 22:
			return float64(d.m) * pow10f[d.e]
		case d.e < 0 && d.e >= -22:
			return float64(d.m) / pow10f[-d.e]
		}
	}
	f, err := strconv.ParseFloat(strconv.FormatInt(d.m, 10)+"e"+strconv.Itoa(int(d.e)), 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

var pow10f = func() (p [23]float64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return
}()

// rat returns d as an exact rational.
func (d dec) rat() *big.Rat {
	r := new(big.Rat).SetInt64(d.m)
	if d.e == 0 {
		return r
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs64(int64(d.e)))), nil)
	if d.e > 0 {
		return r.Mul(r, new(big.Rat).SetInt(p))
	}
	return r.Quo(r, new(big.Rat).SetInt(p))
}

// integer reports whether d is a whole number.
func (d dec) integer() bool { return !d.big && (d.e >= 0 || d.m == 0) }

// quo returns the float64 nearest to a/b, exactly rounded; b is not zero.
func quo(a, b dec) float64 {
	f, _ := new(big.Rat).Quo(a.rat(), b.rat()).Float64()
	return f
}

// ratFloat returns the float64 nearest to r.
func ratFloat(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}
