namespace EmergencyLink.Clinical.Wfdb;

/// <summary>A WFDB record or annotation file that is missing, truncated or in a form this reader does not handle.</summary>
public sealed class WfdbFormatException : Exception
{
    public WfdbFormatException()
    {
    }

    public WfdbFormatException(string message)
        : base(message)
    {
    }

    public WfdbFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
