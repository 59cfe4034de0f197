namespace EmergencyLink.Clinical.St;

/// <summary>
/// Natural cubic spline through the PR-segment levels of successive beats, the baseline-wander estimate of Meyer and
/// Keiser (Comput Biomed Res 1977;10:459-470). One set of knots serves every lead: the tridiagonal system depends
/// only on the knot positions, so it is reduced once and each lead costs one forward and one back substitution.
/// Outside the first and last knot the spline continues as the straight line it ends on.
/// </summary>
internal sealed class NaturalCubicSpline
{
    private readonly double[] x;
    private readonly double[] h;
    private readonly double[] upper;
    private readonly double[] pivot;

    public NaturalCubicSpline(double[] knots)
    {
        x = knots;
        var n = knots.Length;
        h = new double[Math.Max(0, n - 1)];
        for (var i = 0; i < h.Length; i++)
        {
            h[i] = knots[i + 1] - knots[i];
        }

        // Thomas reduction of the interior equations h[i-1] M[i-1] + 2 (h[i-1] + h[i]) M[i] + h[i] M[i+1] = rhs[i].
        upper = new double[Math.Max(0, n - 2)];
        pivot = new double[Math.Max(0, n - 2)];
        for (var i = 0; i < pivot.Length; i++)
        {
            var diagonal = 2.0 * (h[i] + h[i + 1]);
            var lower = h[i];
            pivot[i] = i == 0 ? diagonal : diagonal - lower * upper[i - 1];
            upper[i] = h[i + 1] / pivot[i];
        }
    }

    public int KnotCount => x.Length;

    /// <summary>Second derivatives at the knots for these knot values (zero at both ends).</summary>
    public double[] SecondDerivatives(double[] y)
    {
        var n = x.Length;
        var m = new double[n];
        if (n < 3)
        {
            return m;
        }

        var interior = n - 2;
        var z = new double[interior];
        for (var i = 0; i < interior; i++)
        {
            var rhs = 6.0 * ((y[i + 2] - y[i + 1]) / h[i + 1] - (y[i + 1] - y[i]) / h[i]);
            z[i] = i == 0 ? rhs / pivot[i] : (rhs - h[i] * z[i - 1]) / pivot[i];
        }

        for (var i = interior - 1; i >= 0; i--)
        {
            m[i + 1] = i == interior - 1 ? z[i] : z[i] - upper[i] * m[i + 2];
        }

        return m;
    }

    /// <summary>
    /// Where <paramref name="at"/> falls and its weights, which depend only on the knots: the baseline of every lead
    /// is evaluated at the same positions, so each position is placed once for all of them.
    /// <paramref name="interval"/> is a search hint that callers placing ascending positions keep between calls.
    /// </summary>
    public SplinePoint Place(double at, ref int interval)
    {
        var n = x.Length;
        if (n == 1)
        {
            return new SplinePoint(SplineRegion.SingleKnot, 0, at, 0, 0, 0, 0);
        }

        if (at <= x[0])
        {
            return new SplinePoint(SplineRegion.BeforeFirst, 0, at, 0, 0, 0, 0);
        }

        if (at >= x[n - 1])
        {
            return new SplinePoint(SplineRegion.AfterLast, n - 2, at, 0, 0, 0, 0);
        }

        interval = Math.Clamp(interval, 0, n - 2);
        while (interval > 0 && at < x[interval])
        {
            interval--;
        }

        while (interval < n - 2 && at >= x[interval + 1])
        {
            interval++;
        }

        var i = interval;
        var a = (x[i + 1] - at) / h[i];
        var b = (at - x[i]) / h[i];
        return new SplinePoint(SplineRegion.Inside, i, at, a, b, a * a * a - a, b * b * b - b);
    }

    /// <summary>The spline with knot values <paramref name="y"/> and second derivatives <paramref name="m"/> at a placed position.</summary>
    public double Evaluate(double[] y, double[] m, in SplinePoint point)
    {
        var n = x.Length;
        switch (point.Region)
        {
            case SplineRegion.SingleKnot:
                return y[0];
            case SplineRegion.BeforeFirst:
            {
                var slope = (y[1] - y[0]) / h[0] - h[0] * (2.0 * m[0] + m[1]) / 6.0;
                return y[0] + slope * (point.At - x[0]);
            }

            case SplineRegion.AfterLast:
            {
                var last = n - 2;
                var slope = (y[n - 1] - y[last]) / h[last] + h[last] * (m[last] + 2.0 * m[n - 1]) / 6.0;
                return y[n - 1] + slope * (point.At - x[n - 1]);
            }

            default:
            {
                var i = point.Interval;
                return point.A * y[i] + point.B * y[i + 1] + (point.CubicA * m[i] + point.CubicB * m[i + 1]) * h[i] * h[i] / 6.0;
            }
        }
    }
}
