namespace EmergencyLink.VehicleLink;

/// <summary>Where the gateway's link to the server stands.</summary>
public enum LinkState
{
    /// <summary>Started, never connected yet (the first connect is retried like any reconnect).</summary>
    Connecting,

    /// <summary>Connected; frames flow.</summary>
    Connected,

    /// <summary>Was connected, lost the link, retrying; frames keep going into the outbox.</summary>
    Reconnecting,

    /// <summary>Not started, or stopped.</summary>
    Stopped,
}
