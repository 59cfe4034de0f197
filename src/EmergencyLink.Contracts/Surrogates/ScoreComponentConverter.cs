using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class ScoreComponentConverter : IConverter<ScoreComponent, ScoreComponentSurrogate>
{
    public ScoreComponent ConvertFromSurrogate(in ScoreComponentSurrogate s) => new(s.Name, s.Value, s.Code);

    public ScoreComponentSurrogate ConvertToSurrogate(in ScoreComponent v) => new() { Name = v.Name, Value = v.Value, Code = v.Code };
}
