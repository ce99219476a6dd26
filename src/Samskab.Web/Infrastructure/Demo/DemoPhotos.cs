using NetVips;

namespace Samskab.Web.Infrastructure.Demo;

/// <summary>The demo's photos, drawn by code (nothing is downloaded): a sky, the ground, a sun and a row of houses, in
/// colours chosen by a seed so each photo looks different.</summary>
public static class DemoPhotos
{
    public static byte[] Landscape(int seed)
    {
        var random = new Random(seed);
        using var sky = (Image.Black(640, 300, bands: 3) + new double[] { 110 + random.Next(70), 160 + random.Next(60), 225 }).Cast(Enums.BandFormat.Uchar);
        using var ground = (Image.Black(640, 180, bands: 3) + new double[] { 50 + random.Next(70), 110 + random.Next(60), 40 + random.Next(40) }).Cast(Enums.BandFormat.Uchar);
        using var scene = sky.Join(ground, Enums.Direction.Vertical);
        using var drawn = scene.Mutate(m =>
        {
            m.DrawCircle([250, 215, 80], 80 + random.Next(480), 70 + random.Next(60), 35 + random.Next(20), fill: true);
            var x = random.Next(40);
            while (x < 600)
            {
                var width = 50 + random.Next(70);
                var height = 60 + random.Next(120);
                m.DrawRect([120 + random.Next(120), 60 + random.Next(80), 50 + random.Next(60)], x, 300 - height, width, height, fill: true);
                m.DrawRect([240, 240, 200], x + width / 3, 300 - height + 15, width / 4, 18, fill: true);
                x += width + 10 + random.Next(40);
            }
        });
        using var srgb = drawn.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.None);
    }
}
